/**
 * Harbormaster's JavaFX views, one package per feature (view + view-model), plus the shared pieces every view
 * uses: {@code concurrent} (the one task executor and the UI-thread bridge), {@code dialog} (the one dialog
 * service), {@code theme} (AtlantaFX light/dark and our stylesheet), {@code actions} (every action declared once),
 * {@code page} (the contract each feature's page implements), {@code shared} (what several features show alike).
 * The app lists the pages ({@link io.harbormaster.views.page.PageContribution}) and builds the main window with
 * {@link io.harbormaster.views.shell.ShellWindow#show}. Knows the model, never AWS.
 */
package io.harbormaster.views;
