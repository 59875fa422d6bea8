package io.harbormaster.sandbox.core;

/** A small streaming XML writer: elements, escaped text, nothing else (AWS answers need nothing else). */
public final class Xml {

    private final StringBuilder out = new StringBuilder(512);

    public Xml open(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    public Xml openNs(String name, String namespace) {
        out.append('<').append(name).append(" xmlns=\"").append(escape(namespace)).append("\">");
        return this;
    }

    public Xml close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** An element with text; skipped entirely when value is null, as AWS omits absent members. */
    public Xml leaf(String name, Object value) {
        if (value != null) {
            out.append('<').append(name).append('>').append(escape(value.toString())).append("</").append(name).append('>');
        }
        return this;
    }

    public Xml raw(String xml) {
        out.append(xml);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    public static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                default -> null;
            };
            if (rep != null) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(rep);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
