#include "Report.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace bench {
namespace {

std::string number(double v) {
  char buffer[64];
  if (std::fabs(v) >= 1000 || v == std::floor(v))
    std::snprintf(buffer, sizeof buffer, "%.0f", v);
  else if (std::fabs(v) >= 10)
    std::snprintf(buffer, sizeof buffer, "%.1f", v);
  else
    std::snprintf(buffer, sizeof buffer, "%.3g", v);
  return buffer;
}

std::string jsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
      out += buffer;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string pad(const std::string& s, size_t width) {
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

}  // namespace

void Report::section(const std::string& title) { section_ = title; }

void Report::add(const std::string& key, double value, const std::string& unit, const std::string& label,
                 const std::string& goal, std::optional<bool> met) {
  Row row;
  row.section = section_;
  row.key = key;
  row.value = value;
  row.unit = unit;
  row.label = label;
  row.goal = goal;
  row.met = met;
  rows_.push_back(row);
}

void Report::note(const std::string& key, const std::string& text) {
  Row row;
  row.section = section_;
  row.key = key;
  row.text = text;
  row.isText = true;
  rows_.push_back(row);
}

bool Report::has(const std::string& key) const {
  for (const auto& r : rows_)
    if (r.key == key) return true;
  return false;
}

std::string Report::table() const {
  std::ostringstream out;
  std::string current;
  for (const auto& r : rows_) {
    if (r.section != current) {
      current = r.section;
      out << "\n" << current << "\n";
    }
    if (r.isText) {
      std::string text = r.text.substr(0, r.text.find('\n'));
      out << "  " << pad(r.key, 56) << text.substr(0, 120) << "\n";
      continue;
    }
    std::string value = number(r.value) + (r.unit.empty() ? "" : " " + r.unit);
    std::string line = "  " + pad(r.label, 56) + pad(value, 16);
    if (!r.goal.empty()) line += pad(r.goal, 14) + (r.met ? (*r.met ? "met" : "MISSED") : "");
    out << line.substr(0, line.find_last_not_of(' ') + 1) << "\n";
  }
  return out.str();
}

std::string Report::json() const {
  std::string out = "{\n";
  bool first = true;
  for (const auto& r : rows_) {
    if (!first) out += ",\n";
    first = false;
    out += "  " + jsonString(r.key) + ": ";
    if (r.isText) {
      out += jsonString(r.text);
    } else if (!std::isfinite(r.value)) {
      out += "null";
    } else {
      char buffer[64];
      std::snprintf(buffer, sizeof buffer, "%.6g", r.value);
      out += buffer;
    }
  }
  return out + "\n}\n";
}

}  // namespace bench
