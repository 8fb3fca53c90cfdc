//! Aligned text tables, plain or Markdown.

/// A table of left-aligned text columns.
pub struct Table<const N: usize> {
    head: [String; N],
    rows: Vec<[String; N]>,
}

impl<const N: usize> Table<N> {
    /// A table with these column heads.
    pub fn new(head: [&str; N]) -> Self {
        Table {
            head: head.map(str::to_owned),
            rows: Vec::new(),
        }
    }

    /// Appends a row.
    pub fn row(&mut self, row: [String; N]) {
        self.rows.push(row);
    }

    fn widths(&self) -> [usize; N] {
        let mut widths = self.head.clone().map(|h| h.chars().count());
        for row in &self.rows {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.chars().count());
            }
        }
        widths
    }

    fn line(cells: &[String; N], widths: &[usize; N], separator: &str) -> String {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        padded.join(separator)
    }

    /// Plain columns, each line indented.
    pub fn print(&self, indent: &str) {
        let widths = self.widths();
        println!(
            "{indent}{}",
            Self::line(&self.head, &widths, "  ").trim_end()
        );
        for row in &self.rows {
            println!("{indent}{}", Self::line(row, &widths, "  ").trim_end());
        }
    }

    /// A Markdown table.
    pub fn print_markdown(&self) {
        let widths = self.widths();
        println!("| {} |", Self::line(&self.head, &widths, " | "));
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        println!("|-{}-|", rule.join("-|-"));
        for row in &self.rows {
            println!("| {} |", Self::line(row, &widths, " | "));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_columns_to_the_widest_cell() {
        let mut table = Table::new(["a", "bb"]);
        table.row(["ccc".to_owned(), "d".to_owned()]);
        let widths = table.widths();
        assert_eq!(widths, [3, 2]);
        assert_eq!(Table::line(&table.rows[0], &widths, " | "), "ccc | d ");
    }
}
