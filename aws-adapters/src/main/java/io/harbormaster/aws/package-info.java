package io.harbormaster.aws;
