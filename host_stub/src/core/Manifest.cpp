#include "polysync_host/Manifest.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>

#include <cctype>
#include <filesystem>
#include <limits>
#include <set>

#include "polysync_host/Errors.h"
#include "polysync_host/TextFile.h"

namespace polysync::host {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Object;

// One validation pass over a parsed manifest. Every failure names the manifest and the field.
class ManifestValidator {
 public:
  explicit ManifestValidator(const std::string& path) : path_(path) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw PluginLoadError("manifest " + path_ + ": " + what +
                          "; fix the manifest (its format: share/polysync-jobtype-v1/manifest.schema.json "
                          "where the API is installed, "
                          "plugin_api/manifest.schema.json in the source)");
  }

  void onlyKeys(const Object& object, const std::set<std::string>& allowed, const std::string& where) const {
    for (const auto& [name, value] : object) {
      (void)value;
      if (!allowed.count(name)) fail("unknown field \"" + name + "\"" + where);
    }
  }

  Var require(const Object& object, const std::string& name, const std::string& where) const {
    if (!object.has(name)) fail("missing required field \"" + where + name + "\"");
    return object.get(name);
  }

  std::string string(const Object& object, const std::string& name, const std::string& where = "") const {
    const Var v = require(object, name, where);
    if (!v.isString()) fail("\"" + where + name + "\" must be a string");
    return v.extract<std::string>();
  }

  uint32_t unsignedInt(const Object& object, const std::string& name, const std::string& where) const {
    const Var v = require(object, name, where);
    if (!v.isInteger() || v.isBoolean()) fail("\"" + where + name + "\" must be an integer");
    if (v.isSigned() && v.convert<int64_t>() < 0) fail("\"" + where + name + "\" must not be negative");
    const auto n = v.convert<uint64_t>();
    if (n > std::numeric_limits<uint32_t>::max()) fail("\"" + where + name + "\" is too large");
    return static_cast<uint32_t>(n);
  }

  Object::Ptr object(const Var& v, const std::string& what) const {
    if (v.type() != typeid(Object::Ptr)) fail(what + " must be a JSON object");
    return v.extract<Object::Ptr>();
  }

  // ^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$ (hand-written: std::regex trips GCC 12's -Wmaybe-uninitialized at -O2)
  void identifier(const std::string& value, const std::string& what) const {
    bool ok = !value.empty() && value.size() <= 128 && std::isalnum(static_cast<unsigned char>(value[0]));
    for (const char c : value)
      ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-');
    if (!ok) fail(what + " \"" + value + "\" must match [A-Za-z0-9][A-Za-z0-9._-]*");
  }

  // ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]+)?$
  void semver(const std::string& value) const {
    size_t i = 0;
    bool ok = true;
    for (int part = 0; part < 3 && ok; ++part) {
      const size_t start = i;
      while (i < value.size() && std::isdigit(static_cast<unsigned char>(value[i]))) ++i;
      ok = i > start && (part == 2 || (i < value.size() && value[i++] == '.'));
    }
    if (ok && i < value.size()) {
      ok = (value[i] == '-' || value[i] == '+') && i + 1 < value.size();
      for (++i; ok && i < value.size(); ++i) {
        const char c = value[i];
        ok = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '-';
      }
    }
    if (!ok) fail("\"version\" \"" + value + "\" must be a semantic version like 1.2.3");
  }

  // Plugins live in the plugin folder: a manifest may not point anywhere else.
  void relativeLibrary(const std::string& library) const {
    if (library.empty()) fail("\"library\" must not be empty");
    if (library.find('\0') != std::string::npos || library.find('\\') != std::string::npos)
      fail("\"library\" must be a plain relative path with '/' separators");
    const std::filesystem::path p(library);
    if (p.is_absolute()) fail("\"library\" must be relative to the manifest's folder, not absolute");
    for (const auto& part : p) {
      if (part == "..") fail("\"library\" must not contain '..'");
    }
  }

 private:
  std::string path_;
};

Var parseJson(const std::string& text, const ManifestValidator& check) {
  try {
    Poco::JSON::Parser parser;
    return parser.parse(text);
  } catch (const Poco::Exception& e) {
    check.fail("not valid JSON (" + oneLineDetail(e.message()) + ")");
  }
}

}  // namespace

std::string Manifest::libraryPath() const {
  return (std::filesystem::path(path).parent_path() / library).lexically_normal().string();
}

bool Manifest::declaresJobType(const std::string& idOrDisplayName) const {
  for (const auto& jt : jobTypes) {
    if (jt.id == idOrDisplayName || Poco::icompare(jt.displayName, idOrDisplayName) == 0) return true;
  }
  return false;
}

Manifest parseManifest(const std::string& text, const std::string& path) {
  const ManifestValidator check(path);
  const Object::Ptr root = check.object(parseJson(text, check), "the manifest");
  check.onlyKeys(*root,
                 {"manifestVersion", "id", "version", "library", "abi", "jobTypes", "description", "$schema"},
                 "");

  Manifest m;
  m.path = path;
  if (const uint32_t v = check.unsignedInt(*root, "manifestVersion", ""); v != 1)
    check.fail("\"manifestVersion\" " + std::to_string(v) + " is not supported (this host reads version 1)");
  m.id = check.string(*root, "id");
  check.identifier(m.id, "\"id\"");
  m.version = check.string(*root, "version");
  check.semver(m.version);
  m.library = check.string(*root, "library");
  check.relativeLibrary(m.library);

  const Object::Ptr abi = check.object(check.require(*root, "abi", ""), "\"abi\"");
  check.onlyKeys(*abi, {"major", "minor", "minHostMinor"}, " in \"abi\"");
  m.abiMajor = check.unsignedInt(*abi, "major", "abi.");
  m.abiMinor = check.unsignedInt(*abi, "minor", "abi.");
  m.minHostMinor = check.unsignedInt(*abi, "minHostMinor", "abi.");
  if (m.abiMajor == 0) check.fail("\"abi.major\" must be at least 1");
  if (m.minHostMinor > m.abiMinor) check.fail("\"abi.minHostMinor\" must not exceed \"abi.minor\"");

  const Var jobTypes = check.require(*root, "jobTypes", "");
  if (jobTypes.type() != typeid(Poco::JSON::Array::Ptr)) check.fail("\"jobTypes\" must be an array");
  const auto& list = jobTypes.extract<Poco::JSON::Array::Ptr>();
  if (list->size() == 0) check.fail("\"jobTypes\" must list at least one job type");
  std::set<std::string> seen;
  for (size_t i = 0; i < list->size(); ++i) {
    const std::string where = "jobTypes[" + std::to_string(i) + "].";
    const Object::Ptr jt =
        check.object(list->get(static_cast<unsigned>(i)), "\"" + where.substr(0, where.size() - 1) + "\"");
    check.onlyKeys(*jt, {"id", "displayName"}, " in \"" + where.substr(0, where.size() - 1) + "\"");
    ManifestJobType entry{check.string(*jt, "id", where), check.string(*jt, "displayName", where)};
    check.identifier(entry.id, "\"" + where + "id\"");
    if (entry.displayName.empty() || entry.displayName.size() > 256)
      check.fail("\"" + where + "displayName\" must be 1 to 256 characters");
    if (!seen.insert(entry.id).second) check.fail("job type \"" + entry.id + "\" is listed twice");
    m.jobTypes.push_back(std::move(entry));
  }
  return m;
}

Manifest readManifest(const std::string& path) {
  const std::string absolute = std::filesystem::absolute(path).lexically_normal().string();
  const auto text = tryReadFile(absolute);
  if (!text)
    throw PluginLoadError("manifest " + absolute + ": cannot be read; check that it exists and is readable");
  return parseManifest(*text, absolute);
}

bool claimsToBeManifest(const std::string& path) {
  const auto text = tryReadFile(path);
  if (!text) return true;  // unreadable: report it as a refused manifest, which says why
  try {
    Poco::JSON::Parser parser;
    const Var root = parser.parse(*text);
    return root.type() == typeid(Object::Ptr) && root.extract<Object::Ptr>()->has("manifestVersion");
  } catch (const std::exception&) {
    return true;  // not JSON at all: a broken manifest, refused with the parser's reason
  }
}

}  // namespace polysync::host
