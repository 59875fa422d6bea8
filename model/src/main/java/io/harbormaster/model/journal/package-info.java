/** The write journal and audit log: what the console asked AWS to change, before and after each call. */
package io.harbormaster.model.journal;
