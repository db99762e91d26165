#include "azureml/RunHistoryDecoder.h"

#include "azureml/AsciiText.h"

namespace aifoundry::azureml {
namespace {

std::optional<std::string> nonEmpty(const std::optional<JsonView>& v) {
  if (!v || v->isNull()) return std::nullopt;
  std::string t = v->text();
  if (t.empty()) return std::nullopt;
  return t;
}

void readError(JsonView error, RunHistoryRun& run) {
  if (!error.isObject()) {
    run.errorMessage = error.text();
    return;
  }
  JsonView source = error;
  if (const auto inner = error.member("error"); inner && inner->isObject()) source = *inner;
  run.errorCode = nonEmpty(source.member("code")).value_or("");
  run.errorMessage =
      nonEmpty(source.member("message")).value_or(nonEmpty(error.member("message")).value_or(""));
}

}  // namespace

RunHistoryRun RunHistoryDecoder::decodeRun(std::string_view json) {
  return decodeRun(JsonView::parse(json, "The Run History run"));
}

RunHistoryRun RunHistoryDecoder::decodeRun(JsonView v) {
  RunHistoryRun run;
  std::string name, displayName;
  v.forEachMember([&](const std::string& key, JsonView f) {
    if (key == "runId")
      run.runId = f.text();
    else if (key == "name")
      name = f.text();
    else if (key == "displayName")
      displayName = f.text();
    else if (key == "status")
      run.status = f.text();
    else if (key == "startTimeUtc")
      run.startTimeUtc = nonEmpty(f);
    else if (key == "endTimeUtc")
      run.endTimeUtc = nonEmpty(f);
    else if (key == "error")
      readError(f, run);
  });
  run.name = !displayName.empty() ? displayName : !name.empty() ? name : run.runId;
  return run;
}

RunChildrenPage RunHistoryDecoder::decodeChildren(std::string_view json) {
  const JsonView page = JsonView::parse(json, "The Run History children page");
  RunChildrenPage out;
  page.forEachMember([&](const std::string& key, JsonView v) {
    if (key == "value")
      v.forEachElement([&](JsonView item) {
        if (item.isObject()) out.children.push_back(decodeRun(item));
      });
    else if (key == "continuationToken")
      out.continuationToken = nonEmpty(v);
    else if (key == "nextLink")
      out.nextLink = nonEmpty(v);
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
    if (!ascii::iequals(ascii::trim(child.status), "Failed")) continue;
    if (!best || better(child, *best)) best = &child;
  }
  if (!best) return std::nullopt;
  return StepFailure{best->name, best->errorCode, best->errorMessage};
}

}  // namespace aifoundry::azureml
