#include "pipeline_job/JobImporter.h"

#include "azureml/AsciiText.h"
#include "azureml/DiscoveryFilter.h"
#include "azureml/ImportedJobSchema.h"
#include "azureml/JobListPage.h"
#include "core/JobTypeError.h"
#include "pipeline_job/CallScope.h"
#include "pipeline_job/ErrorTranslation.h"
#include "pipeline_job/ParameterConversion.h"

namespace aifoundry::pipeline_job {
namespace {

// Thrown through JobListPage::forEachJob when the host wants no more jobs.
struct StopImport {};

// A loop in nextLinks must not turn an import into an endless one.
constexpr int kMaxPages = 100000;

}  // namespace

void JobImporter::checkNextLink(const std::string& nextLink) const {
  if (!nextLink.empty() && nextLink[0] == '/') return;  // a path on the Resource Manager endpoint
  const std::string origin = connection_->arm().cloud().resourceManager + "/";
  if (azureml::ascii::istartsWith(nextLink, origin)) return;
  throw core::JobTypeError(core::ErrorCode::Rejected,
                           "import: the job list's nextLink points away from the Resource Manager endpoint; "
                           "refusing to send credentials there");
}

void JobImporter::importJobs(core::CallContext& ctx, const core::ImportRequest& request,
                             const core::ImportEmitter& emit) const {
  CallScope scope(ctx);
  const std::string tagKey = std::string(azureml::ascii::trim(request.filter)).empty()
                                 ? connection_->settings().discoveryTag
                                 : std::string(azureml::ascii::trim(request.filter));
  const azureml::DiscoveryFilter filter(tagKey);
  std::size_t emitted = 0;
  int pages = 0;
  try {
    std::optional<std::string> url = connection_->urls().jobsListUrl(tagKey);
    arm::ArmRequestOptions options;
    options.operation = "list the pipeline jobs of " + connection_->describeWorkspace();
    while (url) {
      ctx.throwIfStopped();
      if (++pages > kMaxPages) {
        throw core::JobTypeError(core::ErrorCode::Rejected, "import: the job list did not end after " +
                                                                std::to_string(kMaxPages) + " pages");
      }
      arm::HttpResponse page = connection_->arm().get(*url, scope.control(), options);
      connection_->log().debug("import: page " + std::to_string(pages) + " read (x-ms-request-id: " +
                               page.headers.getOr("x-ms-request-id", "-") + ")");
      url = azureml::JobListPage::forEachJob(page.body, [&](const azureml::Job& job) {
        if (!filter.accepts(job)) return;
        if (!emit(toCoreImportedJob(azureml::ImportedJobSchema::from(job)))) throw StopImport{};
        ++emitted;
      });
      if (url) checkNextLink(*url);
    }
  } catch (const StopImport&) {
    connection_->log().info("import: the host stopped the import after " + std::to_string(emitted + 1) + " jobs");
    return;
  } catch (...) {
    rethrowTranslated();
  }
  connection_->log().info("import: " + std::to_string(emitted) + " pipeline jobs from " + std::to_string(pages) +
                          " pages");
}

}  // namespace aifoundry::pipeline_job
