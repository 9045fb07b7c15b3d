//! Due diligence and the settings.

use saleguard_app::research::{SaleResearch, Settings};

use super::{Output, print_json, print_table};
use crate::out;

impl Output {
    pub fn research(&self, research: &SaleResearch, verb: &str) {
        if self.json {
            return print_json(research);
        }
        if !verb.is_empty() {
            out!(
                "{verb} sale {} ({}).",
                research.sale_id,
                research.project_name
            );
        }
        let grade = match (&research.grade.letter, research.grade.points) {
            (Some(letter), Some(points)) => format!("{letter} ({points} points of 100)"),
            _ => format!(
                "none yet: {} of the {} factors needed are scored",
                research.grade.scored, research.grade.needed
            ),
        };
        out!("  {:<22}{grade}", "Grade");
        let raised: Vec<&str> = research
            .red_flags
            .iter()
            .filter(|f| f.raised)
            .map(|f| f.flag.as_str())
            .collect();
        out!(
            "  {:<22}{}",
            "Red flags",
            if raised.is_empty() {
                "none raised".to_owned()
            } else {
                raised.join(", ")
            }
        );
        let codes = |countries: &[saleguard_app::research::Country]| {
            if countries.is_empty() {
                "—".to_owned()
            } else {
                countries
                    .iter()
                    .map(|c| c.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        out!(
            "  {:<22}{}",
            "Eligible",
            codes(&research.eligible_jurisdictions)
        );
        out!(
            "  {:<22}{}",
            "Excluded",
            codes(&research.excluded_jurisdictions)
        );
        out!(
            "  {:<22}[{}] {}",
            "Where you live",
            research.jurisdiction.severity.as_str(),
            research.jurisdiction.message
        );
        let rows: Vec<Vec<String>> = research
            .factors
            .iter()
            .map(|f| {
                vec![
                    f.factor.clone(),
                    f.score
                        .map(|s| format!("{s}/{}", research.grade.max_score))
                        .unwrap_or_else(|| "—".to_owned()),
                    f.evidence.len().to_string(),
                    f.notes
                        .lines()
                        .next()
                        .unwrap_or_default()
                        .chars()
                        .take(60)
                        .collect(),
                ]
            })
            .collect();
        print_table(&["FACTOR", "SCORE", "LINKS", "NOTES"], &rows, &[1, 2]);
        for paper in &research.whitepapers {
            out!(
                "  Whitepaper {}  {} ({} bytes), {}",
                paper.sha256,
                paper.file_name,
                paper.byte_count,
                paper.recorded_at
            );
        }
        if research.whitepaper_changed {
            out!("  The whitepaper changed since you first fingerprinted it.");
        }
        if research.link_hits.is_empty() {
            out!(
                "  {:<22}none of the sale's links is on a phishing list or looks like its site",
                "Known scams"
            );
        }
        for hit in &research.link_hits {
            out!("  [block] {}: {}", hit.url, hit.message);
        }
    }

    pub fn settings(&self, settings: &Settings, verb: &str) {
        if self.json {
            return print_json(settings);
        }
        if !verb.is_empty() {
            out!("{verb}.");
        }
        match &settings.residence_country {
            Some(country) => out!(
                "  {:<22}{} ({})",
                "Country of residence",
                country.name,
                country.code
            ),
            None => out!("  {:<22}not set", "Country of residence"),
        }
    }
}
