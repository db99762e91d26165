// Fuzz target: a template's `outputs` (arbitrary JSON) + the template's job name -> OutputRebinder, which
// points each output path that names the template back at `${{name}}` for the new run.
// Input: the outputs JSON, then "\n#--\n", then one line holding the template name (FuzzInput.h; without
// it the name is "template-job").
// Invariants: the result is valid JSON; it is the input's exact text when the name occurs in no output's
// `uri`; otherwise an object with the same outputs and members in the same order, every member other than
// a string `uri` copied byte for byte, every `uri` equal to rebindPath of the original (same number of
// '/'-separated segments, none of them the template name unless that name is `${{name}}`); rebinding the
// result again changes nothing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "FuzzCheck.h"
#include "FuzzInput.h"
#include "azureml/OutputRebinder.h"
#include "common/JsonView.h"

using namespace aifoundry::azureml;

namespace {

struct Member {
  std::string key;
  aifoundry::common::JsonView value;
};

std::vector<Member> membersOf(aifoundry::common::JsonView object) {
  std::vector<Member> out;
  object.forEachMember([&](const std::string& key, aifoundry::common::JsonView value) {
    out.push_back({key, value});
  });
  return out;
}

bool nameOccursInAUri(aifoundry::common::JsonView outputs, std::string_view name) {
  bool occurs = false;
  outputs.forEachMember([&](const std::string&, aifoundry::common::JsonView output) {
    output.forEachMember([&](const std::string& key, aifoundry::common::JsonView value) {
      if (key == "uri" && value.isString() && value.text().find(name) != std::string::npos) occurs = true;
    });
  });
  return occurs;
}

void checkPath(const std::string& before, const std::string& after, std::string_view name) {
  FUZZ_CHECK(after == OutputRebinder::rebindPath(before, name),
             "a uri differs from rebindPath of the original");
  if (before.find('/') == std::string::npos) {
    FUZZ_CHECK(after == before, "a path without '/' was changed");
    return;
  }
  std::size_t segments = 0, start = 0;
  while (true) {
    const std::size_t slash = after.find('/', start);
    const std::string_view segment =
        std::string_view(after).substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    FUZZ_CHECK(segment != name || name == "${{name}}", "a segment still names the template");
    ++segments;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::size_t slashes = 0;
  for (const char c : before) slashes += c == '/';
  FUZZ_CHECK(segments == slashes + 1, "rebinding changed the number of path segments");
}

void checkRebound(aifoundry::common::JsonView outputs, aifoundry::common::JsonView result,
                  std::string_view name) {
  FUZZ_CHECK(outputs.isObject() && result.isObject(), "a non-object was changed");
  const std::vector<Member> before = membersOf(outputs), after = membersOf(result);
  FUZZ_CHECK(before.size() == after.size(), "the number of outputs changed");
  for (std::size_t i = 0; i < before.size(); ++i) {
    FUZZ_CHECK(before[i].key == after[i].key, "an output was renamed or moved");
    if (!before[i].value.isObject()) {
      FUZZ_CHECK(before[i].value.raw() == after[i].value.raw(), "a non-object output was changed");
      continue;
    }
    const std::vector<Member> fieldsBefore = membersOf(before[i].value),
                              fieldsAfter = membersOf(after[i].value);
    FUZZ_CHECK(fieldsBefore.size() == fieldsAfter.size(), "the number of members of an output changed");
    for (std::size_t j = 0; j < fieldsBefore.size(); ++j) {
      FUZZ_CHECK(fieldsBefore[j].key == fieldsAfter[j].key, "a member of an output was renamed or moved");
      if (fieldsBefore[j].key == "uri" && fieldsBefore[j].value.isString()) {
        FUZZ_CHECK(fieldsAfter[j].value.isString(), "a uri is no longer a string");
        checkPath(fieldsBefore[j].value.text(), fieldsAfter[j].value.text(), name);
      } else {
        FUZZ_CHECK(fieldsBefore[j].value.raw() == fieldsAfter[j].value.raw(),
                   "a member other than uri changed");
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::SplitInput input =
      fuzz::splitInput(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!aifoundry::common::JsonView::isValid(input.document))
    return 0;  // TemplateCloner hands over only parsed JSON
  const std::string name =
      input.lines.empty() ? std::string("template-job") : fuzz::field(input.lines.front(), 0);
  const aifoundry::common::JsonView outputs = aifoundry::common::JsonView::parse(input.document, "outputs");
  const std::string result = OutputRebinder::rebind(outputs, name);
  FUZZ_CHECK(aifoundry::common::JsonView::isValid(result), "the rebound outputs are not valid JSON");
  if (name.empty() || !nameOccursInAUri(outputs, name)) {
    FUZZ_CHECK(result == outputs.raw(), "outputs changed though the name occurs in no uri");
    return 0;
  }
  const aifoundry::common::JsonView rebound = aifoundry::common::JsonView::parse(result, "rebound outputs");
  if (result != outputs.raw()) checkRebound(outputs, rebound, name);
  FUZZ_CHECK(OutputRebinder::rebind(rebound, name) == result, "rebinding twice changed the outputs again");
  return 0;
}
