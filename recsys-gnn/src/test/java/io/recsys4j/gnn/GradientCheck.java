package io.recsys4j.gnn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Central finite differences against an analytic gradient, entry by entry. */
public final class GradientCheck {
    private GradientCheck() {
    }

    /**
     * For every entry of {@code param}, compares {@code analytic} with
     * {@code (f(x+eps) - f(x-eps)) / 2eps}; fails naming the entry.
     */
    public static void check(String what, INDArray param, INDArray analytic, DoubleSupplier f, double eps, double tol) {
        long n = param.length();
        int checked = 0;
        for (long k = 0; k < n; k++) {
            double x = param.getDouble(k);
            param.putScalar(k, x + eps);
            double up = f.getAsDouble();
            param.putScalar(k, x - eps);
            double down = f.getAsDouble();
            param.putScalar(k, x);
            double numeric = (up - down) / (2 * eps);
            double a = analytic.getDouble(k);
            assertEquals(numeric, a, tol + tol * Math.abs(numeric), what + " entry " + k);
            checked++;
        }
        assertEquals(n, checked);
    }
}
