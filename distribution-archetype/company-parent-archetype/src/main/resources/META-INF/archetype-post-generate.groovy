// Validates the properties after generation; on a bad value it deletes the generated project and
// fails with every problem listed, so batch mode never leaves a half-configured project behind.
def properties = request.properties
def problems = []

def check = { String key, String pattern, String accepted ->
    String value = properties.getProperty(key)
    if (value == null || !(value.trim() ==~ pattern)) {
        problems << "-D${key}=${value} is invalid: expected ${accepted}"
    }
}

def name = /[A-Za-z0-9][A-Za-z0-9._-]*/
check('groupId', /[A-Za-z0-9_.-]+/, 'letters, digits, ".", "_" and "-", such as com.example')
check('artifactId', /[A-Za-z0-9_.-]+/, 'letters, digits, ".", "_" and "-", such as company-parent')
check('distributionPluginVersion', /[0-9][A-Za-z0-9._-]*/, 'a version of distribution-maven-plugin, such as 1.0.0')
check('nexusUrl', /embedded|https?:\/\/[^\s\/?#]+(\/[^\s?#]*)?/,
        '"embedded" (the default) or the Nexus base URL, such as https://nexus.example.com')
if (properties.getProperty('nexusUrl', '') =~ /\/repository(\/|$)/) {
    problems << "-DnexusUrl=${properties.getProperty('nexusUrl')} is invalid: expected the Nexus base URL," +
            ' without /repository/<name>; the repository names are separate properties'
}
check('serverIdPrefix', name, 'letters, digits, ".", "_" and "-", such as nexus')
['mavenReleasesRepository', 'mavenSnapshotsRepository', 'rawRepository', 'pypiRepository',
 'dockerRepository', 'helmRepository', 'yumRepository',
 'aptRepository'].each {
    check(it, name, 'a Nexus repository name: letters, digits, ".", "_" and "-"')
}
check('packageMaintainer', /[^<>]+ <[^<>\s]+@[^<>\s]+>/, 'a name and an e-mail address, such as Build Team <build@acme.com>')

if (problems) {
    new File(request.outputDirectory, request.artifactId).deleteDir()
    throw new IllegalArgumentException(
            'Nothing generated, because of invalid archetype properties:\n  ' + problems.join('\n  '))
}
