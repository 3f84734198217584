package dev.fedpilot.report;

import dev.fedpilot.domain.CloudException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;

/** Wraps a port so that some of its methods fail the way a cloud refuses a call (403, expired sign-in). */
final class Failing {
    private Failing() {
    }

    /** {@code port}, except that {@code methods} (all when empty) throw {@code failure}. */
    @SuppressWarnings("unchecked")
    static <T> T port(Class<T> type, T port, RuntimeException failure, String... methods) {
        Set<String> failing = Set.of(methods);
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(port, args);
            }
            if (failing.isEmpty() || failing.contains(method.getName())) {
                throw failure;
            }
            try {
                return method.invoke(port, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    static CloudException forbidden() {
        return new CloudException(CloudException.Problem.FORBIDDEN,
                "Graph refused the call (403 Authorization_RequestDenied): Insufficient privileges.",
                "Sign in with an Application Administrator, or ask one to grant Application.ReadWrite.All.");
    }

    static CloudException signedOut() {
        return new CloudException(CloudException.Problem.UNAUTHENTICATED, "The AWS sign-in has expired.",
                "Sign in to AWS again.");
    }
}
