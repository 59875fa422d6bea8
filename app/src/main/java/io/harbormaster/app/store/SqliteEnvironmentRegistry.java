package io.harbormaster.app.store;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The environment registry, in the local database. */
public final class SqliteEnvironmentRegistry implements EnvironmentRegistry {

    private final LocalStore store;

    public SqliteEnvironmentRegistry(LocalStore store) {
        this.store = store;
    }

    @Override
    public List<Environment> environments() {
        return store.withConnection(c -> {
            List<Environment> all = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, display_name, profile_name, login_profile,"
                    + " account_id, role_arn, regions, colour, production, read_only, sort_order FROM environment"
                    + " ORDER BY sort_order, display_name"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(new Environment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), Arrays.asList(rs.getString(7).split(",")),
                            rs.getString(8), rs.getInt(9) != 0, rs.getInt(10) != 0, rs.getInt(11)));
                }
            }
            return List.copyOf(all);
        });
    }

    @Override
    public void save(Environment e) {
        store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO environment (id, display_name,"
                    + " profile_name, login_profile, account_id, role_arn, regions, colour, production, read_only,"
                    + " sort_order) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, e.id());
                ps.setString(2, e.displayName());
                ps.setString(3, e.profileName());
                ps.setString(4, e.loginProfile());
                ps.setString(5, e.accountId());
                ps.setString(6, e.roleArn());
                ps.setString(7, String.join(",", e.regions()));
                ps.setString(8, e.colour());
                ps.setInt(9, e.production() ? 1 : 0);
                ps.setInt(10, e.readOnly() ? 1 : 0);
                ps.setInt(11, e.order());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void remove(String id) {
        store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM environment WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate();
            }
        });
    }
}
