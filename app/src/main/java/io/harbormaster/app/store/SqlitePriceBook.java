package io.harbormaster.app.store;

import io.harbormaster.model.cost.HostPrice;
import io.harbormaster.model.cost.PriceBook;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** List prices with the day they were fetched, and operators' effective rates, in the local database. */
public final class SqlitePriceBook implements PriceBook {

    private final Statements sql;

    public SqlitePriceBook(LocalStore store) {
        this.sql = new Statements(store);
    }

    @Override
    public Optional<HostPrice> listPrice(String region, String instanceType) {
        return sql.first("SELECT usd_per_hour, fetched FROM list_price WHERE region = ? AND instance_type = ?",
                rs -> HostPrice.onDemand(rs.getDouble(1), LocalDate.parse(rs.getString(2))), region, instanceType);
    }

    @Override
    public void putListPrice(String region, String instanceType, HostPrice price) {
        if (price.source() != HostPrice.Source.ON_DEMAND_LIST) {
            throw new IllegalArgumentException("only a list price is cached as one: " + price);
        }
        sql.upsert("list_price", List.of("region", "instance_type"), List.of("usd_per_hour", "fetched"), region,
                instanceType, price.usdPerHour(), price.fetched().toString());
    }

    @Override
    public Optional<HostPrice> effectiveRate(String environmentId, String instanceType) {
        return sql.first("SELECT usd_per_hour FROM effective_rate WHERE environment = ? AND instance_type = ?",
                rs -> HostPrice.effectiveRate(rs.getDouble(1)), environmentId, instanceType);
    }

    @Override
    public void setEffectiveRate(String environmentId, String instanceType, double usdPerHour) {
        HostPrice.effectiveRate(usdPerHour);
        sql.upsert("effective_rate", List.of("environment", "instance_type"), List.of("usd_per_hour"),
                environmentId, instanceType, usdPerHour);
    }

    @Override
    public void clearEffectiveRate(String environmentId, String instanceType) {
        sql.update("DELETE FROM effective_rate WHERE environment = ? AND instance_type = ?", environmentId,
                instanceType);
    }
}
