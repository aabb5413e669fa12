package dev.distribution.example;

/** Prints a greeting; installed by apt-get from the repository the plugin published. */
public final class HelloDeb {
    private HelloDeb() {}

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "world";
        System.out.println("Hello, " + name + "!");
    }
}
