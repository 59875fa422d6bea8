/**
 * The notice a console shows once on start when a previous run was killed mid-write (or its store was found
 * damaged and moved aside): what was in flight, when, and what reading it back found, with its journal entry.
 */
package io.harbormaster.views.restart;
