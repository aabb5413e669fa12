package dev.distribution.maven;

import java.util.List;
import java.util.Map;

/**
 * The {@code <python>} block of the {@code python} and {@code deploy-python} goals. Values in the
 * {@code [project]} table of a {@code pyproject.toml} take precedence; these fill in what it leaves
 * out. Text and boolean values can be overridden with {@code -Ddistribution.python.<field>=...}.
 */
public class PythonConfig {
    /**
     * The id of a declared repository: type {@code pypi} or {@code nexus} (a pypi-hosted repository,
     * through the upload API), {@code webdav} (a static index on any PUT server) or {@code static}
     * (a static index in a folder). Omitted: the embedded repository's {@code pypi/simple/}.
     * User property: {@code distribution.python.repository}.
     */
    String repository;

    /**
     * For a {@code pypi} or {@code nexus} repository: its simple index, read to tell whether a file
     * is already published. Default: the repository URL followed by {@code simple/}, as Nexus
     * serves it. User property: {@code distribution.python.simpleUrl}.
     */
    String simpleUrl;

    /** The project name pip installs. Default: {@code ${project.artifactId}}. */
    String name;

    /**
     * The PEP 440 version. Default: the project version mapped to PEP 440 ({@code 1.0-SNAPSHOT} ->
     * {@code 1.0.dev<timestamp>}, {@code 1.0-rc1} -> {@code 1.0rc1}). User property:
     * {@code distribution.python.version}.
     */
    String version;

    /** The one-line summary. Default: the first line of {@code ${project.description}}. */
    String summary;

    /**
     * The README whose text becomes the long description; {@code .md}, {@code .rst} or {@code .txt}.
     * Default: {@code README.md}, {@code README.rst} or {@code README.txt} of the project, when present.
     */
    String readme;

    /** The license as an SPDX expression, such as {@code Apache-2.0}; written as {@code License-Expression}. */
    String license;

    /** License files relative to the project folder, shipped in the wheel; such as {@code LICENSE}. */
    List<String> licenseFiles;

    /** The authors, each a {@code <person>} with {@code <name>} and/or {@code <email>}. */
    List<PersonConfig> authors;

    /** The maintainers, each a {@code <person>} with {@code <name>} and/or {@code <email>}. */
    List<PersonConfig> maintainers;

    /** Project URLs by label: {@code <urls><Homepage>https://...</Homepage></urls>}. Default: {@code ${project.url}} as Homepage. */
    Map<String, String> urls;

    /** Search keywords. */
    List<String> keywords;

    /** Trove classifiers, such as {@code Programming Language :: Python :: 3}. */
    List<String> classifiers;

    /** The Python versions supported, such as {@code >=3.9}. User property: {@code distribution.python.requiresPython}. */
    String requiresPython;

    /** Requirements as pip takes them, such as {@code requests>=2.31}; written as {@code Requires-Dist}. */
    List<String> depends;

    /** Optional requirement groups: {@code <extra><name>test</name><depends><depend>pytest</depend></depends></extra>}. */
    List<ExtraConfig> extras;

    /** Console scripts by name: {@code <scripts><hello>hello_tool.cli:main</hello></scripts>}. */
    Map<String, String> scripts;

    /** The folder of the packages and modules. Default: {@code src/main/python}. */
    String sources;

    /** A {@code pyproject.toml} whose {@code [project]} table is read. Default: {@code pyproject.toml} of the project, when present. */
    String pyproject;

    /** Forces a core metadata version (2.1 to 2.4) for tools that read only older ones. Default: the lowest the fields need. */
    String metadataVersion;

    /** Builds the source distribution too. Default: {@code true}. User property: {@code distribution.python.sdist}. */
    Boolean sdist;

    /**
     * A folder of prebuilt distributions ({@code *.whl}, {@code *.tar.gz}), such as {@code dist},
     * that {@code deploy-python} publishes as well. Default: none. User property:
     * {@code distribution.python.dist}.
     */
    String dist;

    /** An author or maintainer. */
    public static class PersonConfig {
        /** The display name. */
        String name;

        /** The e-mail address. */
        String email;
    }

    /** One optional requirement group. */
    public static class ExtraConfig {
        /** The extra's name, as in {@code pip install tool[name]}. */
        String name;

        /** Its requirements. */
        List<String> depends;
    }
}
