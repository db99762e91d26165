#include "azureml/JobListPage.h"

#include "azureml/AzureMlError.h"
#include "azureml/JobDecoder.h"
#include "common/JsonView.h"

namespace aifoundry::azureml {

std::optional<std::string> JobListPage::forEachJob(std::string_view pageJson,
                                                   const std::function<void(const Job&)>& onJob) {
  const common::JsonView page = common::JsonView::parse(pageJson, "The job list page");
  std::optional<common::JsonView> value;
  std::optional<std::string> nextLink;
  page.forEachMember([&](const std::string& key, common::JsonView v) {
    if (key == "value") value = v;
    if (key == "nextLink")
      nextLink = v.isString() && !v.text().empty() ? std::optional(v.text()) : std::nullopt;
  });
  if (!value || !value->isArray())
    throw AzureMlError(errc::InvalidJson,
                       "The job list page has no 'value' array; Azure ML returned an "
                       "unexpected reply");
  value->forEachElement([&](common::JsonView item) {
    if (item.isObject()) onJob(JobDecoder::decode(item));
  });
  return nextLink;
}

JobListPage::Decoded JobListPage::decode(std::string_view pageJson) {
  Decoded d;
  d.nextLink = forEachJob(pageJson, [&](const Job& job) { d.jobs.push_back(job); });
  return d;
}

}  // namespace aifoundry::azureml
