#include "azureml/OutputRebinder.h"

#include "common/JsonText.h"

namespace aifoundry::azureml {
namespace {

constexpr std::string_view kNamePlaceholder = "${{name}}";

std::string rebindOutput(common::JsonView output, std::string_view templateName, bool& changed) {
  if (!output.isObject()) return std::string(output.raw());
  std::string out = "{";
  output.forEachMember([&](const std::string& key, common::JsonView value) {
    if (key == "uri" && value.isString()) {
      const std::string path = value.text();
      const std::string rebound = OutputRebinder::rebindPath(path, templateName);
      if (rebound != path) changed = true;
      common::jsontext::appendMember(
          out, key, rebound == path ? std::string(value.raw()) : common::jsontext::quoted(rebound));
    } else {
      common::jsontext::appendMember(out, key, value.raw());
    }
  });
  out.push_back('}');
  return out;
}

}  // namespace

std::string OutputRebinder::rebindPath(std::string_view path, std::string_view templateName) {
  // A bare word is a name the user chose, not a folder the service resolved.
  if (templateName.empty() || path.find('/') == std::string_view::npos) return std::string(path);
  std::string out;
  out.reserve(path.size());
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
    const std::string_view segment = path.substr(start, end - start);
    out.append(segment == templateName ? kNamePlaceholder : segment);
    if (slash == std::string_view::npos) break;
    out.push_back('/');
    start = slash + 1;
  }
  return out;
}

std::string OutputRebinder::rebind(common::JsonView outputs, std::string_view templateName) {
  if (!outputs.isObject()) return std::string(outputs.raw());
  bool changed = false;
  std::string out = "{";
  outputs.forEachMember([&](const std::string& name, common::JsonView output) {
    common::jsontext::appendMember(out, name, rebindOutput(output, templateName, changed));
  });
  out.push_back('}');
  // Untouched outputs keep the template's exact text, like every other copied field.
  return changed ? out : std::string(outputs.raw());
}

}  // namespace aifoundry::azureml
