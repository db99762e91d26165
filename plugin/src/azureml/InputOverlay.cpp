#include "azureml/InputOverlay.h"

#include <map>

#include "azureml/AzureMlError.h"
#include "azureml/LiteralValueText.h"
#include "common/AsciiText.h"
#include "common/JsonText.h"

namespace aifoundry::azureml {
namespace {

using core::Parameter;

// What goes before a literal's quoted text; a `}` goes after it.
constexpr std::string_view kLiteralHead = R"({"jobInputType":"literal","value":)";

struct TemplateInput {
  std::string name;
  common::JsonView raw;
  std::string type;  // jobInputType
};

std::vector<TemplateInput> readInputs(common::JsonView inputs) {
  std::vector<TemplateInput> out;
  inputs.forEachMember([&](const std::string& key, common::JsonView value) {
    const auto type = value.member("jobInputType");
    out.push_back({key, value, type ? type->text() : std::string()});
  });
  return out;
}

// A name as messages show it: one line, cut short (names come from the host and from the template, so they
// may be huge or hold line breaks; a message must stay one bounded line).
std::string shown(std::string_view name) { return "'" + common::ascii::oneLine(name, 120) + "'"; }

std::string joinNames(const std::vector<std::string>& names) {
  static constexpr std::size_t kShownNames = 20;
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < kShownNames; ++i)
    out += (i == 0 ? "" : ", ") + shown(names[i]);
  if (names.size() > kShownNames) out += " and " + std::to_string(names.size() - kShownNames) + " more";
  return out;
}

std::string existingList(const std::vector<TemplateInput>& inputs) {
  std::vector<std::string> names;
  names.reserve(inputs.size());
  for (const auto& in : inputs) names.push_back(in.name);
  return names.empty() ? std::string("it has no inputs") : "its inputs are " + joinNames(names);
}

const TemplateInput* find(const std::vector<TemplateInput>& inputs, std::string_view name) {
  const TemplateInput* found = nullptr;
  for (const auto& in : inputs)
    if (in.name == name) found = &in;  // the last one wins, as for any JSON reader
  return found;
}

const TemplateInput* findIgnoringCase(const std::vector<TemplateInput>& inputs, std::string_view name) {
  for (const auto& in : inputs)
    if (common::ascii::iequals(in.name, name)) return &in;
  return nullptr;
}

void checkNames(const std::vector<TemplateInput>& inputs, const std::vector<const Parameter*>& sent,
                std::string_view templateName) {
  std::vector<std::string> missing;
  std::string hint;
  for (const Parameter* p : sent) {
    if (find(inputs, p->name)) continue;
    missing.push_back(p->name);
    if (const TemplateInput* close = findIgnoringCase(inputs, p->name); close && hint.empty())
      hint = " (names are case-sensitive: did you mean " + shown(close->name) + "?)";
  }
  if (!missing.empty())
    throw AzureMlError(errc::InputNotFound, std::string(missing.size() == 1 ? "Parameter " : "Parameters ") +
                                                joinNames(missing) + (missing.size() == 1 ? " is" : " are") +
                                                " not among the inputs of template " + shown(templateName) +
                                                "; " + existingList(inputs) + hint +
                                                ". Rename the parameter or add the input to the template");
  for (const Parameter* p : sent) {
    const TemplateInput* in = find(inputs, p->name);
    if (!common::ascii::iequals(in->type, "literal"))
      throw AzureMlError(errc::InputNotFound,
                         "Parameter " + shown(p->name) + " names the " +
                             (in->type.empty() ? "non-literal" : common::ascii::oneLine(in->type, 40)) +
                             " input of template " + shown(templateName) +
                             "; only literal inputs can be set. Remove the parameter (asset inputs keep the "
                             "template's value)");
  }
}

}  // namespace

common::SecretString InputOverlay::apply(common::JsonView templateInputs,
                                         const std::vector<Parameter>& parameters,
                                         std::string_view templateName) {
  std::vector<const Parameter*> sent;
  std::map<std::string, const Parameter*> byName;
  for (const Parameter& p : parameters) {
    if (!core::isSent(p.direction)) continue;
    if (!byName.emplace(p.name, &p).second)
      throw AzureMlError(errc::InvalidParameterDefinition,
                         "Parameter " + shown(p.name) + " is given twice; give each input once");
    sent.push_back(&p);
  }
  const std::vector<TemplateInput> inputs = readInputs(templateInputs);
  checkNames(inputs, sent, templateName);

  std::map<std::string, common::SecretString> texts;
  std::size_t size = templateInputs.raw().size() + 2;
  for (const Parameter* p : sent) {
    const auto added = texts.emplace(p->name, LiteralValueText::of(*p)).first;
    size += kLiteralHead.size() + common::jsontext::quotedSize(added->second.view()) + 1;
  }

  // Reserved up front, exactly enough (the template's raw inputs bound the names and the inputs kept as
  // they are): a reallocation would leave a copy of a secret value in a freed block.
  std::string out;
  out.reserve(size);
  out = "{";
  bool first = true;
  for (const TemplateInput& in : inputs) {
    if (!first) out.push_back(',');
    first = false;
    common::jsontext::appendQuoted(out, in.name);
    out.push_back(':');
    const auto text = texts.find(in.name);
    if (text == texts.end()) {
      out.append(in.raw.raw());
    } else {
      out += kLiteralHead;
      common::jsontext::appendQuoted(out, text->second.view());
      out.push_back('}');
    }
  }
  out.push_back('}');
  return common::SecretString::adopt(std::move(out));
}

}  // namespace aifoundry::azureml
