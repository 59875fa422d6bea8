/**
 * The Environments… dialog: the registry's environments edited one at a time (validated by the view-model with
 * the {@link io.harbormaster.model.environment.Environment} rules, decorated by ControlsFX), ordered, removed;
 * profiles detected in the AWS configuration offered for adding (never added silently); import and export of a
 * team's shared JSON file, with what an import adds or replaces shown before anything is saved.
 */
package io.harbormaster.views.settings;
