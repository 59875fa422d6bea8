package io.harbormaster.views.fuzz;

import java.util.List;
import java.util.Random;

/** What an operator (or a paste) can put in a text field, generated from a seed. */
final class Inputs {

    private static final List<String> SHAPES = List.of("", " ", "0", "1", "-1", "2", "5", "10", "25", "50",
            "99.9", "100", "101", "200", "255", "256", "1000", "1440", "1441", "9999", "10000", "10001", "999999",
            "2147483647", "2147483648", "-2147483648", "9223372036854775808", "1e3", "1e400", "-0", "0.5", ".5",
            "5.", "0x10", "NaN", "Infinity", "-Infinity", "5%", "%", "٣", "５", "1,000", "1 000", "12abc", "abc",
            "null", "true", "\u0000", "\t7\n", "\u202e12", "5\u200b", "'; DROP TABLE journal;--",
            "<script>alert(1)</script>", "${jndi:ldap://x}", "../../etc/passwd", "NAME=value", "-NAME", "=x",
            "A=B=C", "ÄÖÜ=1", "💥", "web:3", "arn:aws:ecs:us-east-1:1:task-definition/web:3", "arn:aws:iam::1:role/x",
            "registry.example.com/web@sha256:" + "a".repeat(64), "web:", ":1.0", "1.5.0");

    private Inputs() {
    }

    static String next(Random random) {
        return switch (random.nextInt(6)) {
            case 0, 1 -> SHAPES.get(random.nextInt(SHAPES.size()));
            case 2 -> Long.toString(random.nextLong() % (random.nextBoolean() ? 100_000 : Long.MAX_VALUE));
            case 3 -> random.nextInt(20) == 0 ? null : printable(random, 1 + random.nextInt(40));
            case 4 -> random.nextBoolean() ? "9".repeat(1 + random.nextInt(100_000))
                    : printable(random, 1 + random.nextInt(1_000_000));
            default -> SHAPES.get(random.nextInt(SHAPES.size())) + "\n" + SHAPES.get(random.nextInt(SHAPES.size()));
        };
    }

    private static String printable(Random random, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            b.append(kind < 6 ? (char) (0x20 + random.nextInt(0x5f)) : kind < 8 ? (char) random.nextInt(0x20)
                    : (char) (0xa0 + random.nextInt(0x2000)));
        }
        return b.toString();
    }

    /** The input as a failure message shows it: short, escapes visible. */
    static String shown(String s) {
        if (s == null) {
            return "null";
        }
        String head = s.length() > 60 ? s.substring(0, 60) + "…(" + s.length() + " chars)" : s;
        return head.replace("\n", "\\n").replace("\u0000", "\\0");
    }
}
