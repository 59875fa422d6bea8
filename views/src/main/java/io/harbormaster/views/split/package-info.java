/**
 * Side by side: a second environment open beside the current one (stage beside prod), each half under its own
 * colour band with name, PRODUCTION marking, account, region and session time left. The current environment keeps
 * the environment bar, the shortcuts and every existing node id; the second half's ids start with {@code split-}.
 */
package io.harbormaster.views.split;
