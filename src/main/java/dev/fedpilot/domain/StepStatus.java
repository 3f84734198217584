package dev.fedpilot.domain;

/** Where a setup step stands. */
public enum StepStatus { TODO, WORKING, DONE, ATTENTION }
