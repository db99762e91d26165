// Fuzz target: a template job (arbitrary JSON) + a run request -> TemplateCloner (with InputOverlay).
// Input: the template, then "\n#--\n", then one line "compute\tidempotencyKey\tdisplayName" and one line per
// parameter "name\tdirection\ttype\tvalue" (FuzzInput.h).
// Invariants: a body or AzureMlError; a body is valid JSON, every sent parameter reaches it as the literal
// LiteralValueText makes of it, and no polysync.* tag of the template survives except ours.
#include <cstddef>
#include <cstdint>
#include <string>

#include "FuzzCheck.h"
#include "FuzzInput.h"
#include "azureml/AzureMlError.h"
#include "azureml/LiteralValueText.h"
#include "azureml/TemplateCloner.h"
#include "common/JsonView.h"

using namespace aifoundry::azureml;

namespace {

const WorkspaceRef& workspace() {
  static const WorkspaceRef ref =
      WorkspaceRef::validated("00000000-1111-2222-3333-444444444444", "test-rg", "my-aml-workspace");
  return ref;
}

void checkBody(std::string_view body, const CloneRequest& request) {
  FUZZ_CHECK(aifoundry::common::JsonView::isValid(body), "the request body is not valid JSON");
  const aifoundry::common::JsonView root = aifoundry::common::JsonView::parse(body, "body");
  const auto properties = root.member("properties");
  FUZZ_CHECK(properties && properties->isObject(), "the request body has no properties object");
  const auto inputs = properties->member("inputs");
  for (const aifoundry::core::Parameter& p : request.parameters) {
    if (!aifoundry::core::isSent(p.direction)) continue;
    FUZZ_CHECK(inputs && inputs->isObject(), "parameters sent but no inputs object");
    const auto input = inputs->member(p.name);
    FUZZ_CHECK(input.has_value(), "a sent parameter is missing from inputs");
    FUZZ_CHECK(aifoundry::common::textOf(input->member("jobInputType")) == "literal",
               "a sent parameter is not a literal");
    FUZZ_CHECK(aifoundry::common::textOf(input->member("value")) == LiteralValueText::of(p).view(),
               "a sent value changed on the way");
  }
  const auto tags = properties->member("tags");
  FUZZ_CHECK(tags && tags->isObject(), "the request body has no tags object");
  FUZZ_CHECK(aifoundry::common::textOf(tags->member("polysync.template")) == request.templateName,
             "polysync.template is wrong");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::SplitInput input =
      fuzz::splitInput(std::string_view(reinterpret_cast<const char*>(data), size));
  CloneRequest request;
  request.templateName = "template-job";
  if (!input.lines.empty()) {
    const auto& head = input.lines.front();
    request.computeOverride = fuzz::field(head, 0);
    if (!fuzz::field(head, 1).empty()) request.idempotencyKey = fuzz::field(head, 1);
    request.displayName = fuzz::field(head, 2);
  }
  try {
    for (std::size_t i = 1; i < input.lines.size(); ++i) {
      const auto& line = input.lines[i];
      aifoundry::core::Parameter p;
      p.name = fuzz::field(line, 0);
      const auto direction = fuzz::directionOf(fuzz::field(line, 1));
      const auto dataType = fuzz::dataTypeOf(fuzz::field(line, 2));
      if (!direction || !dataType) return 0;
      p.direction = *direction;
      p.dataType = *dataType;
      p.value = aifoundry::common::SecretString(fuzz::field(line, 3));
      request.parameters.push_back(std::move(p));
    }
    const aifoundry::common::SecretString body =
        TemplateCloner(workspace()).buildRequestBody(input.document, request);
    checkBody(body.view(), request);
  } catch (const AzureMlError& e) {
    FUZZ_CHECK(*e.what() != '\0', "empty error message");
  }
  return 0;
}
