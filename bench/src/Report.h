// Report: the benchmark's results as an ordered list of named numbers — printed as a table (grouped, with
// units and the goal each number is held to) and written as one flat JSON object for machines.
// One thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace bench {

class Report {
 public:
  void section(const std::string& title);
  // `key` is the JSON key; `goal` is shown in the table ("" = none), `met` marks it.
  void add(const std::string& key, double value, const std::string& unit, const std::string& label,
           const std::string& goal = {}, std::optional<bool> met = std::nullopt);
  void note(const std::string& key, const std::string& text);  // a string value (errors, settings)

  std::string table() const;
  std::string json() const;
  bool has(const std::string& key) const;

 private:
  struct Row {
    std::string section, key, unit, label, goal, text;
    double value = 0;
    bool isText = false;
    std::optional<bool> met;
  };
  std::string section_;
  std::vector<Row> rows_;
};

}  // namespace bench
