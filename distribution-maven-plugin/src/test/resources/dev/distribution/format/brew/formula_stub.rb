# Reads a formula file without Homebrew: defines a Formula base class whose class-level DSL
# methods record their arguments, loads the file, runs `install`, `caveats` and `test` against
# recorders, and prints what it saw as JSON. It checks values, not Homebrew's semantics.
# Usage: ruby formula_stub.rb Formula/<name>.rb
require "json"
require "tmpdir"

# Records every call made on a path such as bin or libexec.
class PathRecorder
  def initialize(name, calls)
    @name = name
    @calls = calls
  end

  def /(other)
    PathRecorder.new("#{@name}/#{other}", @calls)
  end

  def to_s
    @name
  end

  def method_missing(method, *args, **options)
    args = args.map do |arg|
      case arg
      when Hash then arg.transform_keys(&:to_s).transform_values(&:to_s)
      when Array then arg.map(&:to_s)
      else arg.to_s
      end
    end
    args << options.transform_keys(&:to_s).transform_values(&:to_s) unless options.empty?
    @calls << { "on" => @name, "call" => method.to_s, "args" => args }
    self
  end

  def respond_to_missing?(*)
    true
  end
end

module Language
  module Java
    def self.overridable_java_home_env(version = nil)
      { JAVA_HOME: "java-home-#{version || "default"}" }
    end
  end
end

class Formula
  class << self
    attr_reader :recorded

    def inherited(subclass)
      super
      subclass.instance_variable_set(:@recorded, {
        "urls" => [], "depends_on" => [], "bottle" => nil, "service" => nil, "test" => nil
      })
      subclass.instance_variable_set(:@context, {})
    end

    %w[desc homepage version license].each do |field|
      define_method(field) { |value| @recorded[field] = value }
    end

    def url(value, **options)
      @recorded["urls"] << @context.merge("url" => value, "options" => options.transform_keys(&:to_s))
    end

    def sha256(value = nil, **tags)
      if @bottle
        cellar = tags.delete(:cellar)
        tags.each do |tag, digest|
          @bottle["sha256"] << { "cellar" => cellar.to_s, "tag" => tag.to_s, "sha256" => digest }
        end
      else
        @recorded["urls"].last["sha256"] = value
      end
    end

    def root_url(value, **options)
      @bottle["root_url"] = value
      @bottle["options"] = options.transform_keys(&:to_s)
    end

    def bottle(&block)
      @bottle = { "sha256" => [] }
      block.call
      @recorded["bottle"] = @bottle
      @bottle = nil
    end

    def depends_on(spec)
      if spec.is_a?(Hash)
        spec.each { |name, kind| @recorded["depends_on"] << { "name" => name, "kind" => kind.to_s } }
      else
        @recorded["depends_on"] << { "name" => spec }
      end
    end

    { on_macos: ["os", "macos"], on_linux: ["os", "linux"],
      on_arm: ["cpu", "arm"], on_intel: ["cpu", "intel"] }.each do |method, (key, value)|
      define_method(method) do |&block|
        saved = @context
        @context = @context.merge(key => value)
        block.call
        @context = saved
      end
    end

    def service(&block)
      @recorded["service"] = ServiceRecorder.new.tap { |service| service.instance_eval(&block) }.to_h
    end

    def test(&block)
      @recorded["test"] = block
    end

    def method_missing(method, *args, **options)
      (@recorded["other"] ||= []) << method.to_s
    end

    def respond_to_missing?(*)
      true
    end
  end

  attr_reader :calls

  def initialize
    @calls = []
  end

  %w[bin libexec etc man1 man5 man8 bash_completion zsh_completion fish_completion opt_bin prefix].each do |name|
    define_method(name) { PathRecorder.new(name, @calls) }
  end

  def version
    self.class.recorded["version"]
  end

  def system(*args)
    @calls << { "on" => "test", "call" => "system", "args" => args.map(&:to_s) }
  end
end

# Records a service block.
class ServiceRecorder
  def run(command)
    @run = Array(command).map(&:to_s)
  end

  def keep_alive(value)
    @keep_alive = value
  end

  def method_missing(method, *args)
    PathRecorder.new(method.to_s, [])
  end

  def respond_to_missing?(*)
    true
  end

  def to_h
    { "run" => @run, "keep_alive" => @keep_alive }
  end
end

file = ARGV.fetch(0)
load File.expand_path(file)
klass = Formula.subclasses.first
recorded = klass.recorded
formula = klass.new
install_calls = []
if klass.method_defined?(:install)
  # An empty folder stands for the unpacked archive, so Dir["*"] finds nothing.
  Dir.mktmpdir { |staging| Dir.chdir(staging) { formula.install } }
  install_calls = formula.calls.dup
end
test_calls = []
if recorded["test"]
  formula.calls.clear
  formula.instance_eval(&recorded["test"])
  test_calls = formula.calls.dup
end
puts JSON.pretty_generate(
  "class" => klass.name,
  "file_class" => File.basename(file, ".rb"),
  "desc" => recorded["desc"],
  "homepage" => recorded["homepage"],
  "version" => recorded["version"],
  "license" => recorded["license"],
  "urls" => recorded["urls"],
  "depends_on" => recorded["depends_on"],
  "bottle" => recorded["bottle"],
  "install" => install_calls,
  "caveats" => klass.method_defined?(:caveats) ? formula.caveats : nil,
  "service" => recorded["service"],
  "test" => test_calls,
  "other" => recorded["other"] || []
)
