package io.harbormaster.views.cutovers.wizard;

/** The plan shapes the wizard offers. */
public enum ShapeKind {
    CANARY("Canary"), LINEAR("Linear"), CUSTOM("Custom steps");

    private final String label;

    ShapeKind(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
