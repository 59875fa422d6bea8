package io.harbormaster.views;
