package io.harbormaster.app.store;

import io.harbormaster.model.cost.HostPrice;
import io.harbormaster.model.cost.PriceBook;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Optional;

/** List prices with the day they were fetched, and operators' effective rates, in the local database. */
public final class SqlitePriceBook implements PriceBook {

    private final LocalStore store;

    public SqlitePriceBook(LocalStore store) {
        this.store = store;
    }

    @Override
    public Optional<HostPrice> listPrice(String region, String instanceType) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT usd_per_hour, fetched FROM list_price WHERE region = ? AND instance_type = ?")) {
                ps.setString(1, region);
                ps.setString(2, instanceType);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(HostPrice.onDemand(rs.getDouble(1), LocalDate.parse(rs.getString(2))))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public void putListPrice(String region, String instanceType, HostPrice price) {
        if (price.source() != HostPrice.Source.ON_DEMAND_LIST) {
            throw new IllegalArgumentException("only a list price is cached as one: " + price);
        }
        store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO list_price (region, instance_type,"
                    + " usd_per_hour, fetched) VALUES (?, ?, ?, ?) ON CONFLICT (region, instance_type) DO UPDATE SET"
                    + " usd_per_hour = excluded.usd_per_hour, fetched = excluded.fetched")) {
                ps.setString(1, region);
                ps.setString(2, instanceType);
                ps.setDouble(3, price.usdPerHour());
                ps.setString(4, price.fetched().toString());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<HostPrice> effectiveRate(String environmentId, String instanceType) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT usd_per_hour FROM effective_rate WHERE environment = ? AND instance_type = ?")) {
                ps.setString(1, environmentId);
                ps.setString(2, instanceType);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(HostPrice.effectiveRate(rs.getDouble(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void setEffectiveRate(String environmentId, String instanceType, double usdPerHour) {
        HostPrice.effectiveRate(usdPerHour);
        store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO effective_rate (environment, instance_type,"
                    + " usd_per_hour) VALUES (?, ?, ?) ON CONFLICT (environment, instance_type) DO UPDATE SET"
                    + " usd_per_hour = excluded.usd_per_hour")) {
                ps.setString(1, environmentId);
                ps.setString(2, instanceType);
                ps.setDouble(3, usdPerHour);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void clearEffectiveRate(String environmentId, String instanceType) {
        store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM effective_rate WHERE environment = ? AND instance_type = ?")) {
                ps.setString(1, environmentId);
                ps.setString(2, instanceType);
                return ps.executeUpdate();
            }
        });
    }
}
