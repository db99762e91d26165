// FuzzInput: splits one fuzz input into a JSON document and a few text lines, so seed files stay readable:
//   <json document>\n#--\n<line>\n<line>...
// Everything before the first "\n#--\n" is the document; the rest are lines (fields separated by tabs).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Parameter.h"
#include "polysync_host/AbiNames.h"

namespace fuzz {

struct SplitInput {
  std::string_view document;
  std::vector<std::vector<std::string>> lines;  // each line split at '\t'
};

inline SplitInput splitInput(std::string_view data) {
  static constexpr std::string_view kSeparator = "\n#--\n";
  SplitInput out;
  const std::size_t at = data.find(kSeparator);
  out.document = data.substr(0, at);
  if (at == std::string_view::npos) return out;
  std::string_view rest = data.substr(at + kSeparator.size());
  while (!rest.empty() && out.lines.size() < 64) {
    const std::size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
      const std::size_t tab = line.find('\t', start);
      fields.emplace_back(
          line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    out.lines.push_back(std::move(fields));
  }
  return out;
}

inline const std::string& field(const std::vector<std::string>& fields, std::size_t i) {
  static const std::string kEmpty;
  return i < fields.size() ? fields[i] : kEmpty;
}

// A line's direction or data type field in Polysync's spelling (any case); "" is Input / String, anything
// else unknown is nothing (the input is skipped).
inline std::optional<aifoundry::core::Direction> directionOf(const std::string& text) {
  if (text.empty()) return aifoundry::core::Direction::Input;
  const auto value = polysync::host::parseDirection(text);
  if (!value) return std::nullopt;
  return static_cast<aifoundry::core::Direction>(*value);
}

inline std::optional<aifoundry::core::DataType> dataTypeOf(const std::string& text) {
  if (text.empty()) return aifoundry::core::DataType::String;
  const auto value = polysync::host::parseDataType(text);
  if (!value) return std::nullopt;
  return static_cast<aifoundry::core::DataType>(*value);
}

}  // namespace fuzz
