/**
 * What a console killed mid-write left in the journal, and what the next run found of it: the notice an operator
 * reads on restart, built from the journal alone (no AWS call).
 */
package io.harbormaster.model.recovery;
