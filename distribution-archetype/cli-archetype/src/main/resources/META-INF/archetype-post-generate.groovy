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

def coordinate = /[A-Za-z0-9_.-]+/
def javaPackage = /[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/
check('groupId', coordinate, 'letters, digits, ".", "_" and "-", such as com.example')
check('artifactId', coordinate, 'letters, digits, ".", "_" and "-", such as hello-cli')
check('package', javaPackage, 'a Java package name, such as com.example.hello')
check('parentGroupId', coordinate, 'the groupId of the company parent POM')
check('parentArtifactId', coordinate, 'the artifactId of the company parent POM, such as company-parent')
check('parentVersion', /[0-9][A-Za-z0-9._-]*/, 'the version of the company parent POM, such as 1.0.0')
check('commandName', /[a-z0-9][a-z0-9._+-]*/,
        'a command name of lower-case letters, digits, ".", "_", "+" and "-", such as hello')
check('releaseHost', /none|github|gitlab/, 'none (the default), github or gitlab')
String host = properties.getProperty('releaseHost', '').trim()
String releaseUrl = properties.getProperty('releaseUrl', '').trim()
if (host == 'none' && releaseUrl != 'none') {
    problems << "-DreleaseUrl=${releaseUrl} is invalid without -DreleaseHost: expected -DreleaseHost=github or gitlab as well"
} else if (host in ['github', 'gitlab'] && !(releaseUrl ==~ /https?:\/\/[^\s\/?#]+(\/[^\s\/?#]+){2,}\/?/)) {
    String example = host == 'github' ? 'https://github.com/acme/hello' : 'https://gitlab.example.com/group/hello'
    problems << "-DreleaseUrl=${releaseUrl} is invalid: expected the project's web URL on ${host}, such as ${example}"
}

if (problems) {
    new File(request.outputDirectory, request.artifactId).deleteDir()
    throw new IllegalArgumentException(
            'Nothing generated, because of invalid archetype properties:\n  ' + problems.join('\n  '))
}
