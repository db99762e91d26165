#include "pipeline_job/JobImporter.h"

#include <string>
#include <unordered_set>

#include "azureml/DiscoveryFilter.h"
#include "azureml/ImportedJobSchema.h"
#include "azureml/JobListPage.h"
#include "azureml/JobName.h"
#include "common/AsciiText.h"
#include "core/JobTypeError.h"
#include "pipeline_job/CallScope.h"
#include "pipeline_job/ErrorTranslation.h"
#include "pipeline_job/SeenNames.h"

namespace aifoundry::pipeline_job {
namespace {

// Thrown through JobListPage::forEachJob when the host wants no more jobs.
struct StopImport {};

// A safety net past the cycle check: links that never repeat must not make an import endless either.
constexpr int kMaxPages = 100000;
// Skipped jobs are named one warning each up to this many; the rest are counted in the summary.
constexpr std::size_t kMaxSkipWarnings = 20;

}  // namespace

void JobImporter::checkNextLink(const std::string& nextLink) const {
  if (!nextLink.empty() && nextLink[0] == '/') return;  // a path on the Resource Manager endpoint
  const std::string origin = connection().arm().cloud().armEndpoint + "/";
  if (common::ascii::istartsWith(nextLink, origin)) return;
  throw core::JobTypeError(core::ErrorCode::Rejected,
                           "import: the job list's nextLink points away from the Resource Manager endpoint; "
                           "refusing to send credentials there");
}

void JobImporter::importJobs(core::CallContext& ctx, const core::ImportRequest& request,
                             const core::ImportEmitter& emit) const {
  CallScope scope(ctx);
  const std::string tagKey = std::string(common::ascii::trim(request.filter)).empty()
                                 ? connection().settings().discoveryTag
                                 : std::string(common::ascii::trim(request.filter));
  const azureml::DiscoveryFilter filter(tagKey);
  std::size_t emitted = 0;
  std::size_t skipped = 0;
  int pages = 0;
  // The names passed on and the pages read (absolute URLs): a reply may list a job twice or link back to a
  // page already read. Memory: at most 16 bytes a job, one short string a page.
  SeenNames names;
  std::unordered_set<std::string> visited;
  const auto skip = [&](const std::string& why) {
    if (++skipped <= kMaxSkipWarnings) connection().log().warn("import: skipped " + why);
  };
  try {
    std::optional<std::string> url = connection().urls().jobsListUrl(tagKey);
    arm::ArmRequestOptions options;
    options.operation = "list the pipeline jobs of " + connection().describeWorkspace();
    while (url) {
      ctx.throwIfStopped();
      if (!visited.insert(connection().arm().absoluteUrl(*url)).second) {
        connection().log().warn("import: the job list's nextLink '" + common::ascii::oneLine(*url, 300) +
                                "' points back to a page already read; stopping the list there");
        break;
      }
      if (++pages > kMaxPages) {
        throw core::JobTypeError(core::ErrorCode::Rejected, "import: the job list did not end after " +
                                                                std::to_string(kMaxPages) + " pages");
      }
      http::HttpResponse page = connection().arm().get(*url, scope.control(), options);
      connection().log().debug("import: page " + std::to_string(pages) +
                               " read (x-ms-request-id: " + page.headers.getOr("x-ms-request-id", "-") + ")");
      url = azureml::JobListPage::forEachJob(page.body, [&](const azureml::Job& job) {
        if (!filter.accepts(job)) return;
        // A name that is not an Azure job name could not be run later (and must never become a path).
        if (const std::string why = azureml::JobName::whyInvalid(job.name); !why.empty()) {
          return skip("a job whose name '" + common::ascii::oneLine(job.name, 100) + "' " + why);
        }
        if (!names.insert(job.name)) return skip("job '" + job.name + "', listed twice");
        if (!emit(azureml::ImportedJobSchema::from(job))) throw StopImport{};
        ++emitted;
      });
      if (url) checkNextLink(*url);
    }
  } catch (const StopImport&) {
    connection().log().info("import: the host stopped the import after " + std::to_string(emitted + 1) +
                            " jobs");
    return;
  } catch (...) {
    rethrowTranslated();
  }
  connection().log().info("import: " + std::to_string(emitted) + " pipeline jobs from " +
                          std::to_string(pages) + " pages" +
                          (skipped ? ", " + std::to_string(skipped) + " skipped (see the warnings)" : ""));
}

}  // namespace aifoundry::pipeline_job
