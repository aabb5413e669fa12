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
check('groupId', coordinate, 'letters, digits, ".", "_" and "-", such as com.example')
// The artifactId is also the distribution name on the package index (PEP 508 names).
check('artifactId', /[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?/,
        'a Python distribution name: letters, digits, ".", "_" and "-", starting and ending with a letter or digit')
check('parentGroupId', coordinate, 'the groupId of the company parent POM')
check('parentArtifactId', coordinate, 'the artifactId of the company parent POM, such as company-parent')
check('parentVersion', /[0-9][A-Za-z0-9._-]*/, 'the version of the company parent POM, such as 1.0.0')
check('pythonPackage', /[a-z_][a-z0-9_]*/, 'a lower-case Python identifier, such as hello_lib')

if (problems) {
    new File(request.outputDirectory, request.artifactId).deleteDir()
    throw new IllegalArgumentException(
            'Nothing generated, because of invalid archetype properties:\n  ' + problems.join('\n  '))
}
