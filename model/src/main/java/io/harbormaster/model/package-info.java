/** Harbormaster's domain: records, ports and pure logic. JDK only. */
package io.harbormaster.model;
