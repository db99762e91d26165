// PolysyncTags: the tags this plugin puts on every job it submits. They mark our runs (so discovery leaves
// them out) and carry the idempotency key (so a retried run finds the job it already submitted).
#pragma once

#include <string_view>

namespace aifoundry::azureml::tags {

inline constexpr std::string_view kNamespace = "polysync.";         // every key we own starts with this
inline constexpr std::string_view kTemplate = "polysync.template";  // = the template's job name (External Id)
inline constexpr std::string_view kIdempotencyKey =
    "polysync.idempotencyKey";  // = the host's idempotency key

}  // namespace aifoundry::azureml::tags
