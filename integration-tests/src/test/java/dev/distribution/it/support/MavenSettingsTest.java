package dev.distribution.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class MavenSettingsTest {
    private static final String NAMESPACE = "http://maven.apache.org/SETTINGS/1.2.0";

    @TempDir
    Path directory;

    @Test
    void serverPasswordRoundTrips() throws Exception {
        Path file = directory.resolve("settings.xml");

        new MavenSettings()
                .userSettings(directory.resolve("missing.xml"))
                .server("it-server", "deployer", "p<&>\"ss")
                .write(file);

        Element server = (Element)
                parse(file).getElementsByTagNameNS(NAMESPACE, "server").item(0);
        assertThat(text(server, "id")).isEqualTo("it-server");
        assertThat(text(server, "username")).isEqualTo("deployer");
        assertThat(text(server, "password")).isEqualTo("p<&>\"ss");
    }

    @Test
    void userMirrorsAndProxiesKept() throws Exception {
        Path user = directory.resolve("user-settings.xml");
        Files.writeString(
                user,
                """
                <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
                  <localRepository>/somewhere/else</localRepository>
                  <mirrors>
                    <mirror><id>corp</id><mirrorOf>*</mirrorOf><url>https://repo.example.invalid/maven</url></mirror>
                  </mirrors>
                  <proxies>
                    <proxy><id>web</id><host>proxy.example.invalid</host><port>3128</port></proxy>
                  </proxies>
                </settings>
                """);
        Path file = directory.resolve("settings.xml");

        new MavenSettings().userSettings(user).server("it", "u", "p").write(file);

        Document written = parse(file);
        assertThat(written.getElementsByTagNameNS(NAMESPACE, "mirrorOf").item(0).getTextContent())
                .isEqualTo("*");
        assertThat(written.getElementsByTagNameNS(NAMESPACE, "host").item(0).getTextContent())
                .isEqualTo("proxy.example.invalid");
        assertThat(written.getElementsByTagNameNS("*", "localRepository").getLength())
                .isZero();
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(NAMESPACE, name).item(0).getTextContent();
    }
}
