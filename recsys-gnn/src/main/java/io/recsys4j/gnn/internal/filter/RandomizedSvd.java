package io.recsys4j.gnn.internal.filter;

import io.recsys4j.core.Workers;
import io.recsys4j.gnn.internal.graph.CsrMatrix;
import io.recsys4j.gnn.internal.serving.ScoreKernel;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/**
 * The top-k singular values and right singular vectors of a sparse matrix by randomized
 * subspace iteration (Halko, Martinsson, Tropp, "Finding structure with randomness",
 * SIAM Review 53(2), 2011, Algorithm 4.4 with the SVD of Algorithm 5.1):
 * <pre>
 *   Ω ~ N(0, 1)^{n x l},  l = k + p
 *   Q = orth(A Ω)
 *   q times:  Q = orth(A Aᵀ Q)            (re-orthonormalised at every step: without it
 *                                           float round-off erases the small values)
 *   Bᵀ = Aᵀ Q   (n x l),  B Bᵀ = U Σ² Uᵀ   (l x l, symmetric eigen-decomposition in double,
 *                                           Commons Math)
 *   V = Bᵀ U Σ^-1, keep the top k
 * </pre>
 * The sparse products run row-parallel on our CSR arrays (ND4J has no sparse type); the
 * orthonormalisations (shifted Cholesky-QR2, see {@link #orthonormal}) and the small
 * products run in double through ND4J's BLAS.
 */
public final class RandomizedSvd {
    private RandomizedSvd() {
    }

    /** Top-k singular triplets, right side only. */
    public static final class Result {
        private final int k;
        private final float[] sigma;
        private final float[] v;

        Result(int k, float[] sigma, float[] v) {
            this.k = k;
            this.sigma = sigma;
            this.v = v;
        }

        public int k() {
            return k;
        }

        /** Length k, descending. */
        public float[] singularValues() {
            return sigma;
        }

        /** {@code [k x cols]} row-major: row j is the unit right singular vector v_j. */
        public float[] rightVectors() {
            return v;
        }
    }

    /**
     * The products the iteration needs of a {@code rows x cols} matrix A, so that the same
     * algorithm runs where A lives: on this machine's CSR arrays ({@link #topK(CsrMatrix, int,
     * int, int, long, Workers)}) or distributed over a cluster, the tall {@code rows x w} iterates
     * staying with it ({@code T}); only {@code cols x w} and {@code w x w} matrices reach the
     * caller.
     */
    public interface Operator<T> {
        int rows();

        int cols();

        /** {@code A X} for dense row-major {@code X [cols x w]}. */
        T times(float[] x, int w);

        /** {@code Aᵀ Y}, row-major {@code [cols x w]}. */
        float[] transposeTimes(T y, int w);

        /** {@code Y} held in double from now on (Cholesky-QR2's passes). */
        T inDouble(T y);

        /** {@code Yᵀ Y}, {@code w x w}. */
        double[][] gram(T y, int w);

        /** {@code Y M} for a {@code w x w} matrix M, in Y's precision. */
        T times(T y, double[][] m, int w);

        /** Y is no longer needed (a distributed operator releases it). */
        default void release(T y) {
        }
    }

    /** Oversampling and power iterations of the graph filter's SVD: enough for the top k to 1e-3 on these spectra. */
    public static final int FILTER_OVERSAMPLE = 32;
    public static final int FILTER_POWER_ITERATIONS = 4;

    /** The graph filter's spectrum of {@code R̃}: the top {@code k} (at most the matrix's rank bound), or null for none. */
    public static Result filterSpectrum(CsrMatrix rt, int k, long seed, Workers workers) {
        return filterSpectrum(new Local(rt, workers), k, seed);
    }

    /** As {@link #filterSpectrum(CsrMatrix, int, long, Workers)}, for a matrix behind an {@link Operator}. */
    public static <T> Result filterSpectrum(Operator<T> rt, int k, long seed) {
        int kk = Math.min(k, Math.min(rt.rows(), rt.cols()));
        if (kk < 1) {
            return null;
        }
        int over = Math.min(FILTER_OVERSAMPLE, Math.min(rt.rows(), rt.cols()) - kk);
        return topK(rt, kk, over, FILTER_POWER_ITERATIONS, seed);
    }

    /**
     * @throws IllegalArgumentException unless 1 <= k and k + oversample <= min(rows, cols)
     */
    public static Result topK(CsrMatrix a, int k, int oversample, int powerIterations, long seed, Workers workers) {
        return topK(new Local(a, workers), k, oversample, powerIterations, seed);
    }

    /**
     * As {@link #topK(CsrMatrix, int, int, int, long, Workers)}, for a matrix behind an
     * {@link Operator}: the same Ω (from {@code seed}), iteration and small-matrix algebra.
     */
    public static <T> Result topK(Operator<T> a, int k, int oversample, int powerIterations, long seed) {
        int m = a.rows();
        int n = a.cols();
        int l = k + Math.max(0, oversample);
        if (k < 1 || l > Math.min(m, n) || powerIterations < 0) {
            throw new IllegalArgumentException("randomized SVD of a " + m + " x " + n + " matrix: need 1 <= k and k + oversample"
                    + " <= " + Math.min(m, n) + " and powerIterations >= 0, found k " + k + ", oversample " + oversample
                    + ", powerIterations " + powerIterations);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] omega = new float[n * l];
        for (int i = 0; i < omega.length; i++) {
            omega[i] = (float) gaussian(rnd);
        }
        // Only Q is re-orthonormalised: between two orthonormalisations the columns grow by
        // at most (σ_1/σ_l)², which float carries without loss on these spectra, and the
        // item-side basis would cost as much again.
        T q = orthonormal(a, a.times(omega, l), l, powerIterations == 0 ? 2 : 1);
        for (int it = 0; it < powerIterations; it++) {
            float[] z = a.transposeTimes(q, l);
            a.release(q);
            q = orthonormal(a, a.times(z, l), l, it == powerIterations - 1 ? 2 : 1);
        }
        float[] bt = a.transposeTimes(q, l);                    // [n x l] = Bᵀ
        a.release(q);
        INDArray btNd = Nd4j.create(bt, new long[] {n, l}, 'c').castTo(DataType.DOUBLE);
        INDArray gram = btNd.transpose().mmul(btNd);              // B Bᵀ, l x l
        // Commons Math's symmetric eigen-decomposition (Householder tridiagonalisation + QL):
        // ND4J 1.0.0-M2.1's syev and gesvd gave wrong vectors beyond about 100 x 100.
        double[][] g = gram.toDoubleMatrix();
        double[] lam = new double[l];
        double[][] vecs = eigen(g, lam);                           // columns are eigenvectors
        Integer[] order = new Integer[l];
        for (int j = 0; j < l; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(lam[y], lam[x]));
        float[] sigma = new float[k];
        double[][] ukd = new double[l][k];
        for (int j = 0; j < k; j++) {
            int col = order[j];
            double s = Math.sqrt(Math.max(0, lam[col]));
            sigma[j] = (float) s;
            double inv = s > 0 ? 1 / s : 0;
            for (int r = 0; r < l; r++) {
                ukd[r][j] = vecs[r][col] * inv;
            }
        }
        INDArray uk = Nd4j.create(ukd);
        // V = Bᵀ U Σ^-1 in float: the columns are normalised afterwards anyway.
        INDArray vNd = Nd4j.create(bt, new long[] {n, l}, 'c').mmul(uk.castTo(DataType.FLOAT)).transpose().dup('c');
        float[] v = vNd.data().asFloat();                          // [k x n]
        for (int j = 0; j < k; j++) {
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += (double) v[j * n + i] * v[j * n + i];
            }
            // A zero singular value leaves a zero column: it is normalised to nothing, not to NaN.
            float inv = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
            for (int i = 0; i < n; i++) {
                v[j * n + i] *= inv;
            }
        }
        return new Result(k, sigma, v);
    }

    /**
     * Eigen-decomposition of a small symmetric matrix: Commons Math (Householder
     * tridiagonalisation + implicit QL), and where it fails to converge (exactly repeated or
     * zero eigenvalues, as a rank-deficient input gives) cyclic Jacobi, which always does.
     * Returns the eigenvectors as columns and fills {@code values}.
     */
    static double[][] eigen(double[][] g, double[] values) {
        int l = g.length;
        try {
            EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(g, true));
            double[] lam = eig.getRealEigenvalues();
            double[][] out = new double[l][l];
            for (int c = 0; c < l; c++) {
                values[c] = lam[c];
                double[] v = eig.getEigenvector(c).toArray();
                for (int r = 0; r < l; r++) {
                    out[r][c] = v[r];
                }
            }
            return out;
        } catch (org.apache.commons.math3.exception.MathIllegalStateException notConverged) {
            return jacobi(g, values);
        }
    }

    /** Cyclic Jacobi rotations (Golub and Van Loan, Matrix Computations, 8.5) until the off-diagonal mass is negligible. */
    static double[][] jacobi(double[][] s, double[] values) {
        int n = s.length;
        double[][] a = new double[n][];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            a[i] = s[i].clone();
            for (int j = 0; j < n; j++) {
                scale += s[i][j] * s[i][j];
            }
        }
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            q[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off <= 1e-30 * Math.max(scale, Double.MIN_NORMAL)) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int r = p + 1; r < n; r++) {
                    if (a[p][r] == 0) {
                        continue;
                    }
                    double theta = (a[r][r] - a[p][p]) / (2 * a[p][r]);
                    double t = theta == 0 ? 1 : Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double c = 1 / Math.sqrt(t * t + 1);
                    double sn = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akr = a[k][r];
                        a[k][p] = c * akp - sn * akr;
                        a[k][r] = sn * akp + c * akr;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double ark = a[r][k];
                        a[p][k] = c * apk - sn * ark;
                        a[r][k] = sn * apk + c * ark;
                    }
                    for (int k = 0; k < n; k++) {
                        double qkp = q[k][p];
                        double qkr = q[k][r];
                        q[k][p] = c * qkp - sn * qkr;
                        q[k][r] = sn * qkp + c * qkr;
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            values[i] = a[i][i];
        }
        return q;
    }

    // measured: the JIT does not vectorise the plain loop (1.5x slower at ml-1m size); same floats either way
    private static final ScoreKernel KERNEL = ScoreKernel.best();

    /** {@code A X} for dense row-major {@code X [cols x w]}: each output row is a sum of scaled rows of X. */
    static float[] times(CsrMatrix a, float[] x, int w, Workers workers) {
        int m = a.rows();
        int[] rs = a.rowStart();
        int[] col = a.colIndex();
        float[] val = a.values();
        float[] y = new float[m * w];
        int chunk = 512;
        workers.run((m + chunk - 1) / chunk, t -> {
            int r1 = Math.min(m, (t + 1) * chunk);
            for (int r = t * chunk; r < r1; r++) {
                int o = r * w;
                for (int p = rs[r]; p < rs[r + 1]; p++) {
                    KERNEL.axpy(val[p], x, col[p] * w, y, o, w);
                }
            }
        });
        return y;
    }

    /**
     * An orthonormal basis of the columns of row-major {@code y [rows x w]}: shifted
     * Cholesky-QR, twice (Fukaya et al., "Shifted Cholesky QR for computing the QR
     * factorization of ill-conditioned matrices", SIAM J. Sci. Comput. 2020), in double;
     * {@code passes} 2 is Cholesky-QR2, orthonormal to working precision.
     * The Gram matrix and the triangular product are dense products through ND4J; the
     * shift keeps the factorisation defined when the columns are (nearly) dependent.
     */
    static <T> T orthonormal(Operator<T> a, T y, int w, int passes) {
        // One pass (an intermediate iterate, well conditioned) runs in float; Cholesky-QR2 in double.
        T q = y;
        if (passes > 1) {
            q = a.inDouble(q);
            if (q != y) {
                a.release(y);
            }
        }
        for (int pass = 0; pass < passes; pass++) {
            double[][] g = a.gram(q, w);
            double trace = 0;
            for (int j = 0; j < w; j++) {
                trace += g[j][j];
            }
            // Relative to the working precision: float's Gram matrix carries about 7 digits.
            double shift = (passes > 1 ? 1e-13 : 1e-6) * Math.max(trace, Double.MIN_NORMAL);
            for (int j = 0; j < w; j++) {
                g[j][j] += shift;
            }
            double[][] l = cholesky(g);
            T next = a.times(q, upperInverseOfTranspose(l), w);
            a.release(q);
            q = next;
        }
        return q;
    }

    /** A on this machine: CSR products row-parallel, the iterates as ND4J matrices (float, or double for Cholesky-QR2). */
    private static final class Local implements Operator<INDArray> {
        private final CsrMatrix a;
        private final CsrMatrix at;
        private final Workers workers;

        Local(CsrMatrix a, Workers workers) {
            this.a = a;
            this.at = a.transpose();
            this.workers = workers;
        }

        @Override
        public int rows() {
            return a.rows();
        }

        @Override
        public int cols() {
            return a.cols();
        }

        @Override
        public INDArray times(float[] x, int w) {
            return Nd4j.create(RandomizedSvd.times(a, x, w, workers), new long[] {a.rows(), w}, 'c');
        }

        @Override
        public float[] transposeTimes(INDArray y, int w) {
            return RandomizedSvd.times(at, y.castTo(DataType.FLOAT).dup('c').data().asFloat(), w, workers);
        }

        @Override
        public INDArray inDouble(INDArray y) {
            return y.castTo(DataType.DOUBLE);
        }

        @Override
        public double[][] gram(INDArray y, int w) {
            return y.transpose().mmul(y).toDoubleMatrix();
        }

        @Override
        public INDArray times(INDArray y, double[][] m, int w) {
            return y.mmul(Nd4j.create(m).castTo(y.dataType()));
        }
    }

    /** Lower-triangular L with {@code L Lᵀ = g}; g symmetric positive definite (made so by the shift). */
    static double[][] cholesky(double[][] g) {
        int n = g.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double d = g[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            double ljj = Math.sqrt(Math.max(d, Double.MIN_NORMAL));
            l[j][j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double s = g[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / ljj;
            }
        }
        return l;
    }

    /** {@code (Lᵀ)^-1}, upper triangular, so that {@code Y (Lᵀ)^-1} has orthonormal columns when {@code YᵀY = L Lᵀ}. */
    static double[][] upperInverseOfTranspose(double[][] l) {
        int n = l.length;
        double[][] inv = new double[n][n];   // inv = L^-1, lower; return its transpose
        for (int j = 0; j < n; j++) {
            inv[j][j] = 1 / l[j][j];
            for (int i = j + 1; i < n; i++) {
                double s = 0;
                for (int k = j; k < i; k++) {
                    s -= l[i][k] * inv[k][j];
                }
                inv[i][j] = s / l[i][i];
            }
        }
        double[][] t = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[j][i] = inv[i][j];
            }
        }
        return t;
    }

    private static double gaussian(SplittableRandom rnd) {
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
