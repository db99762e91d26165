#include "azureml/RunHistoryDecoder.h"

#include "azureml/ErrorField.h"
#include "common/AsciiText.h"

namespace aifoundry::azureml {
RunHistoryRun RunHistoryDecoder::decodeRun(std::string_view json) {
  return decodeRun(common::JsonView::parse(json, "The Run History run"));
}

RunHistoryRun RunHistoryDecoder::decodeRun(common::JsonView v) {
  // Every poll decodes one run of some sixty members for the few below: a walk that neither copies keys
  // nor calls through a std::function per member.
  RunHistoryRun run;
  std::string name, displayName;
  for (common::JsonMembers m(v); m.next();) {
    const std::string_view key = m.key();
    const common::JsonView f = m.value();
    if (key == "runId") {
      run.runId = f.text();
    } else if (key == "name") {
      name = f.text();
    } else if (key == "displayName") {
      displayName = f.text();
    } else if (key == "status") {
      run.status = f.text();
    } else if (key == "createdUtc" || key == "createdTimeUtc") {
      run.createdUtc = common::nonEmptyTextOf(f);
    } else if (key == "startTimeUtc") {
      run.startTimeUtc = common::nonEmptyTextOf(f);
    } else if (key == "endTimeUtc") {
      run.endTimeUtc = common::nonEmptyTextOf(f);
    } else if (key == "properties" && f.isObject()) {
      for (common::JsonMembers p(f); p.next();)
        if (p.key() == "azureml.isreused" && p.value().isString())
          run.reused = common::ascii::iequals(p.value().text(), "true");
    } else if (key == "error") {
      const ErrorField error = ErrorField::read(f);
      run.errorCode = error.code.value_or("");
      run.errorMessage = error.message.value_or("");
    }
  }
  run.name = !displayName.empty() ? displayName : !name.empty() ? name : run.runId;
  return run;
}

RunChildrenPage RunHistoryDecoder::decodeChildren(std::string_view json) {
  const common::JsonView page = common::JsonView::parse(json, "The Run History children page");
  RunChildrenPage out;
  page.forEachMember([&](const std::string& key, common::JsonView v) {
    if (key == "value")
      v.forEachElement([&](common::JsonView item) {
        if (item.isObject()) out.children.push_back(decodeRun(item));
      });
    else if (key == "continuationToken")
      out.continuationToken = common::nonEmptyTextOf(v);
    else if (key == "nextLink")
      out.nextLink = common::nonEmptyTextOf(v);
  });
  return out;
}

std::optional<StepFailure> RunHistoryDecoder::firstFailedStep(const std::vector<RunHistoryRun>& children) {
  const RunHistoryRun* best = nullptr;
  // Rank: has a message first, then earliest end (ISO-8601 UTC strings sort as times), then list order.
  const auto better = [](const RunHistoryRun& a, const RunHistoryRun& b) {
    const bool am = !a.errorMessage.empty(), bm = !b.errorMessage.empty();
    if (am != bm) return am;
    if (a.endTimeUtc && b.endTimeUtc) return *a.endTimeUtc < *b.endTimeUtc;
    return a.endTimeUtc.has_value() && !b.endTimeUtc.has_value();
  };
  for (const RunHistoryRun& child : children) {
    if (!common::ascii::iequals(common::ascii::trim(child.status), "Failed")) continue;
    if (!best || better(child, *best)) best = &child;
  }
  if (!best) return std::nullopt;
  return StepFailure{best->name, best->errorCode, best->errorMessage};
}

}  // namespace aifoundry::azureml
