package io.harbormaster.views.environment;

/**
 * Opens an address in the operator's browser: the app passes HostServices#showDocument, tests their own recorder.
 */
@FunctionalInterface
public interface BrowserOpener {

    void open(String address);
}
