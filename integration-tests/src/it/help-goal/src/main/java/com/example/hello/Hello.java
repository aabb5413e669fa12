package com.example.hello;

/** Prints a greeting. */
public final class Hello {
    private Hello() {}

    /** Prints "hello" on standard output. */
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
