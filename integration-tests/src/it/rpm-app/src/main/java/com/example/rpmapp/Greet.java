package com.example.rpmapp;

/** Prints a greeting; the command the RPM installs. */
public final class Greet {
    private Greet() {}

    public static void main(String[] args) {
        System.out.println("Hello from rpm-app!");
    }
}
