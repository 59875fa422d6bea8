package io.harbormaster.sandbox.traffic;

import java.util.ArrayList;
import java.util.List;

/**
 * Response times as a weighted mixture of log-normal distributions (one per kind of target per minute), so that
 * averages and percentiles over any period come from the same distribution the requests were drawn from.
 */
final class LatencyMix {

    /** {@code n} requests whose latency in seconds is log-normal with log-median {@code mu} and log-sd {@code sigma}. */
    record Component(double n, double mu, double sigma) {
    }

    private final List<Component> parts = new ArrayList<>();
    private double n;

    void add(Component c) {
        if (c.n() > 0) {
            parts.add(c);
            n += c.n();
        }
    }

    void addAll(LatencyMix other) {
        other.parts.forEach(this::add);
    }

    double count() {
        return n;
    }

    double sum() {
        double s = 0;
        for (Component c : parts) {
            s += c.n() * Math.exp(c.mu() + c.sigma() * c.sigma() / 2);
        }
        return s;
    }

    double mean() {
        return n == 0 ? Double.NaN : sum() / n;
    }

    /** The latency below which a share {@code p} (0–1) of the requests fall. */
    double quantile(double p) {
        if (n == 0) {
            return Double.NaN;
        }
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (Component c : parts) {
            lo = Math.min(lo, c.mu() - 8 * c.sigma());
            hi = Math.max(hi, c.mu() + 8 * c.sigma());
        }
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (cdf(mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    private double cdf(double logX) {
        double s = 0;
        for (Component c : parts) {
            s += c.n() * phi((logX - c.mu()) / c.sigma());
        }
        return s / n;
    }

    /** The standard normal CDF (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
    static double phi(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
                * Math.exp(-x * x);
        return z >= 0 ? 1 - erfc / 2 : erfc / 2;
    }
}
