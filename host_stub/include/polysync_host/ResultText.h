// The human-readable results (without --json), on stdout. Not a contract: for people, not scripts.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "polysync_host/LoadedPlugin.h"
#include "polysync_host/ResultJson.h"
#include "polysync_host/Results.h"

namespace polysync::host {

std::string pluginsText(const std::vector<std::shared_ptr<LoadedPlugin>>& plugins,
                        const std::vector<PluginRegistry::Refusal>& refusals);
std::string testConnectionText(const std::optional<std::string>& message);
std::string importText(const std::vector<ImportedJob>& jobs);
std::string runSubmittedText(const RunSubmission& submission);
std::string statusText(const RunStatus& status, const StatusExtras& extras = {});
// One line for stderr: "polysync-host-stub: <message> [<code>]".
std::string errorText(const Failure& failure);

}  // namespace polysync::host
