package dev.fedpilot.domain;

public enum PrincipalType {
    USER, GROUP
}
