package io.harbormaster.model.deploy.fit;

/** Why a host cannot take one more task, in the order ECS checks them. */
public enum Shortfall {
    HOST_NOT_ACTIVE("host not ACTIVE or its agent disconnected"),
    MEMBER_OF("memberOf constraint not met"),
    DISTINCT_INSTANCE("distinctInstance: already runs a task of the service"),
    PORTS("static host port already taken"),
    CPU("not enough CPU"),
    MEMORY("not enough memory");

    private final String text;

    Shortfall(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
