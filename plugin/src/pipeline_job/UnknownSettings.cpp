#include "pipeline_job/UnknownSettings.h"

#include <algorithm>
#include <string_view>

#include "common/AsciiText.h"
#include "pipeline_job/PipelineSettingNames.h"

namespace aifoundry::pipeline_job {
namespace {

// Edit distance (insert, delete, substitute) of the lower-cased names: short names, so the simple table.
std::size_t distance(std::string_view a, std::string_view b) {
  const std::string x = common::ascii::toLower(a);
  const std::string y = common::ascii::toLower(b);
  std::vector<std::size_t> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[y.size()];
}

}  // namespace

std::vector<std::string> unknownSettingWarnings(const std::vector<core::Setting>& settings) {
  std::vector<std::string> warnings;
  for (const core::Setting& setting : settings) {
    std::string_view nearest;
    std::size_t best = std::string_view::npos;
    bool known = false;
    for (const std::string_view name : pipeline_job::names::kConnectionSettingNames) {
      const std::size_t d = distance(setting.key, name);
      if (d == 0) known = true;
      if (d < best) {
        best = d;
        nearest = name;
      }
    }
    if (known) continue;
    // Close means a slip of the keyboard: at most a quarter of the name's letters, and at least two.
    const bool close = best <= std::max<std::size_t>(2, nearest.size() / 4);
    std::string line =
        "unknown connection setting '" + common::ascii::oneLine(setting.key, 128) + "' is ignored";
    line += close ? "; did you mean '" + std::string(nearest) + "'?"
                  : "; the job type's settings schema lists the names";
    warnings.push_back(std::move(line));
  }
  return warnings;
}

}  // namespace aifoundry::pipeline_job
