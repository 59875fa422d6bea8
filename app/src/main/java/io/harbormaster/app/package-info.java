package io.harbormaster.app;
