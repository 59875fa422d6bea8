package io.harbormaster.sandbox;
