/**
 * How the views write values for people (dates with their year or age). Depends on nothing of ours, so every
 * package of the views, shared machinery included, may use it without a cycle.
 */
package io.harbormaster.views.text;
