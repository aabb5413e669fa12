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
check('artifactId', coordinate, 'letters, digits, ".", "_" and "-", such as hello-service')
check('package', javaPackage, 'a Java package name, such as com.example.hello')
check('parentGroupId', coordinate, 'the groupId of the company parent POM')
check('parentArtifactId', coordinate, 'the artifactId of the company parent POM, such as company-parent')
check('parentVersion', /[0-9][A-Za-z0-9._-]*/, 'the version of the company parent POM, such as 1.0.0')
check('artifactId', /[a-z0-9]([a-z0-9-]{0,51}[a-z0-9])?/,
        'lower-case letters, digits and "-", at most 53 characters, because it also names the service launcher and its deployment')
String port = properties.getProperty('port')
if (!(port ==~ /[0-9]{1,5}/) || !(port as int in 1..65535)) {
    problems << "-Dport=${port} is invalid: expected a TCP port from 1 to 65535, such as 8080"
}

if (problems) {
    new File(request.outputDirectory, request.artifactId).deleteDir()
    throw new IllegalArgumentException(
            'Nothing generated, because of invalid archetype properties:\n  ' + problems.join('\n  '))
}
