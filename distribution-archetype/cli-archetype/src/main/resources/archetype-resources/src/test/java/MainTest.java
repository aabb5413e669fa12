package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void greetsByName() {
        assertEquals("Hello, Ada!", Main.greeting("Ada", false));
    }

    @Test
    void shoutsInCapitals() {
        assertEquals("HELLO, ADA!", Main.greeting("Ada", true));
    }
}
